package org.tribune.notification;

/** What a notification is about. The subject ids it carries depend on the kind. */
public enum NotificationKind {
    /** Someone commented on your post: post and comment. */
    COMMENT_ON_POST,
    /** Someone replied to your comment: post and the reply. */
    REPLY_TO_COMMENT,
    /** Someone mentioned you: post, and the comment when it was in one. */
    MENTION,
    /** Someone follows you now: the follower. */
    NEW_FOLLOWER,
    /** Someone asks to join a group you moderate: group. */
    JOIN_REQUEST,
    /** A moderator let you into a group: group. */
    REQUEST_APPROVED,
    /** A moderator invited you to a group: group. */
    INVITED,
    /** Someone liked your post: post. Grouped per post. */
    LIKE_ON_POST,
    /** Someone liked your comment: post and comment. Grouped per comment. */
    LIKE_ON_COMMENT,
    /** A moderation action concerns you (content hidden, removed, restored; suspension, ban, lock): the post if any. */
    MODERATION_ACTION,
    /** An appeal waits for your decision as a moderator. */
    APPEAL_TO_DECIDE,
    /** Your appeal was decided. */
    APPEAL_DECIDED,
    /** The time or place of an event you answered changed: the host, the event. */
    EVENT_CHANGED,
    /** An event you answered was cancelled: the host, the event. */
    EVENT_CANCELLED,
    /** A place freed at an event and you, first on the waiting list, have it now: the event. */
    EVENT_PLACE_GIVEN,
    /** An event you are going to starts soon: the event. */
    EVENT_REMINDER;

    /** Likes of one subject are shown as one entry: "ana and 4 others liked your post". */
    public boolean isGrouped() {
        return this == LIKE_ON_POST || this == LIKE_ON_COMMENT;
    }

    /** Whether the sentence starts with who did it; moderation kinds name nobody (flaggers are never named). */
    public boolean namesActor() {
        return this != MODERATION_ACTION && this != APPEAL_TO_DECIDE && this != APPEAL_DECIDED
                && this != EVENT_PLACE_GIVEN && this != EVENT_REMINDER;
    }

    /**
     * Kinds whose subject is a post or a comment someone wrote, which the recipient's NOTIFICATIONS word filters are
     * matched against. Moderation notices are never filtered: what a moderator did is never hidden from the person it
     * concerns.
     */
    boolean hasFilterableSubject() {
        return this == COMMENT_ON_POST || this == REPLY_TO_COMMENT || this == MENTION || isGrouped();
    }

    /** Kinds about a group event: they carry its id. */
    public boolean isAboutEvent() {
        return this == EVENT_CHANGED || this == EVENT_CANCELLED || this == EVENT_PLACE_GIVEN || this == EVENT_REMINDER;
    }

    /** Kinds about a group itself rather than content in it. */
    boolean isAboutGroup() {
        return this == JOIN_REQUEST || this == REQUEST_APPROVED || this == INVITED;
    }

    /** The message key of the sentence that tells it; {@code .grouped} is added when others did the same. */
    String messageKey() {
        return "notification.kind." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
