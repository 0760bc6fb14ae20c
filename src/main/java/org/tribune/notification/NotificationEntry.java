package org.tribune.notification;

import java.time.Instant;

import org.tribune.safety.FilterMatcher;

/**
 * One line of someone's notification list, as they may see it. Grouped likes are one entry: {@code actor} is the
 * latest liker and {@code others} the number of other people who liked the same thing. Its id is the id of its
 * newest notification, so lists page by it. {@code filtered} is the recipient's NOTIFICATIONS word filter with the
 * WARN action its subject matched (the entry is shown folded), null when none.
 */
public record NotificationEntry(long id, NotificationKind kind, Actor actor, int others, GroupRef group, Long postId,
        Long commentId, Instant createdAt, boolean read, EventRef event, FilterMatcher.Match filtered) {

    public NotificationEntry(long id, NotificationKind kind, Actor actor, int others, GroupRef group, Long postId,
            Long commentId, Instant createdAt, boolean read, EventRef event) {
        this(id, kind, actor, others, group, postId, commentId, createdAt, read, event, null);
    }

    public NotificationEntry(long id, NotificationKind kind, Actor actor, int others, GroupRef group, Long postId,
            Long commentId, Instant createdAt, boolean read) {
        this(id, kind, actor, others, group, postId, commentId, createdAt, read, null);
    }

    /** The group event it is about. */
    public record EventRef(long id, String title) {
    }

    /** Who did it. */
    public record Actor(String handle, String displayName) {
    }

    /** The group it is about, or where it happened. */
    public record GroupRef(String slug, String name) {
    }

    /** The message key of the sentence; its arguments are {@link #messageArgs()}. */
    public String messageKey() {
        return kind.messageKey() + (others > 0 ? ".grouped" : "");
    }

    /** {0} who, {1} the group's name, {2} how many others, {3} the event's title. */
    public Object[] messageArgs() {
        return new Object[] {actor == null ? "" : actor.displayName(), group == null ? "" : group.name(), others,
                event == null ? "" : event.title()};
    }

    /** The page of the subject: the post, the comment in it, the group, its requests or the follower. */
    public String path() {
        return switch (kind) {
            case COMMENT_ON_POST, REPLY_TO_COMMENT, MENTION, LIKE_ON_COMMENT, LIKE_ON_POST ->
                    postId == null ? "/notifications" : "/p/" + postId + (commentId == null ? "" : "#c" + commentId);
            case JOIN_REQUEST -> group == null ? "/notifications" : "/groups/" + group.slug() + "/requests";
            case REQUEST_APPROVED, INVITED -> group == null ? "/notifications" : "/groups/" + group.slug();
            case NEW_FOLLOWER -> actor == null ? "/notifications" : "/@" + actor.handle();
            case MODERATION_ACTION, APPEAL_DECIDED -> "/moderation/mine";
            case APPEAL_TO_DECIDE -> "/moderation/appeals";
            case EVENT_CHANGED, EVENT_CANCELLED, EVENT_PLACE_GIVEN, EVENT_REMINDER ->
                    event == null ? "/notifications" : "/events/" + event.id();
        };
    }
}
