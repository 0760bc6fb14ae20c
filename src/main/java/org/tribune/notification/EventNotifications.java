package org.tribune.notification;

import java.util.HashSet;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tribune.event.EventEvents;
import org.tribune.follow.FollowEvents;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupEvents;
import org.tribune.moderation.ModerationEvents;
import org.tribune.platform.DurableListeners;
import org.tribune.post.PostEvents;

/**
 * Turns other features' events into notifications, once their transaction has committed: a change that rolls back
 * notifies nobody, and a failure here never undoes the change. Each kind is one durable listener
 * ({@link ApplicationModuleListener}): the event publication registry records it in the transaction of the change,
 * and it runs afterwards on a thread and in a transaction of its own, so the request neither waits for it nor holds
 * its connection while taking a second one. A node that stops before a listener completes leaves its publication
 * behind, and {@code platform.EventRetries} runs it again. Each run first claims its publication
 * ({@link DurableListeners#claim}) in its transaction, so a publication handed over twice notifies once. Listener ids are fixed names, not method signatures, so that a
 * publication left behind still finds its listener after a rename.
 */
@Component
class EventNotifications {
    private final Notifications notifications;
    private final GroupAccess groups;
    private final DurableListeners listeners;

    EventNotifications(Notifications notifications, GroupAccess groups, DurableListeners listeners) {
        this.notifications = notifications;
        this.groups = groups;
        this.listeners = listeners;
    }

    @ApplicationModuleListener(id = "notification.joinRequested")
    void on(GroupEvents.JoinRequested e) {
        handle(e, () -> groups.moderatorIds(e.groupId()).forEach(moderator ->
                notifications.record(moderator, NotificationKind.JOIN_REQUEST, e.accountId(), e.groupId(), null, null)));
    }

    @ApplicationModuleListener(id = "notification.joinApproved")
    void on(GroupEvents.JoinApproved e) {
        notify(e, e.accountId(), NotificationKind.REQUEST_APPROVED, e.moderatorId(), e.groupId(), null, null);
    }

    @ApplicationModuleListener(id = "notification.invited")
    void on(GroupEvents.Invited e) {
        notify(e, e.accountId(), NotificationKind.INVITED, e.moderatorId(), e.groupId(), null, null);
    }

    /** People mentioned in a new post (the post already left out those who may not read it). */
    // Most posts mention nobody: the condition keeps them from recording a publication at all.
    @ApplicationModuleListener(id = "notification.postPublished", condition = "!#e.mentionedIds().isEmpty()")
    void on(PostEvents.PostPublished e) {
        handle(e, () -> e.mentionedIds().forEach(mentioned ->
                notifications.record(mentioned, NotificationKind.MENTION, e.authorId(), e.groupId(), e.postId(), null)));
    }

    /**
     * The post's author hears of a comment, the parent's author of a reply, the mentioned of a mention: once each.
     * A comment held by a group's filter tells nobody until it is released (below).
     */
    @ApplicationModuleListener(id = "notification.commentAdded", condition = "!#e.held()")
    void on(PostEvents.CommentAdded e) {
        handle(e, () -> aboutComment(e.commentId(), e.postId(), e.groupId(), e.authorId(), e.postAuthorId(),
                e.parentAuthorId(), e.mentionedIds()));
    }

    /** Held new content a moderator released: told now as its publication would have. */
    @ApplicationModuleListener(id = "notification.heldContentReleased")
    void on(PostEvents.HeldContentReleased e) {
        handle(e, () -> {
            if (e.commentId() != null) {
                aboutComment(e.commentId(), e.postId(), e.groupId(), e.authorId(), e.postAuthorId(), e.parentAuthorId(),
                        e.mentionedIds());
            } else {
                e.mentionedIds().stream().filter(mentioned -> mentioned != e.authorId()).forEach(mentioned ->
                        notifications.record(mentioned, NotificationKind.MENTION, e.authorId(), e.groupId(), e.postId(), null));
            }
        });
    }

    private void aboutComment(long commentId, long postId, Long groupId, long authorId, Long postAuthorId,
            Long parentAuthorId, Set<Long> mentionedIds) {
        Set<Long> told = new HashSet<>();
        told.add(authorId);
        if (parentAuthorId != null && told.add(parentAuthorId)) {
            notifications.record(parentAuthorId, NotificationKind.REPLY_TO_COMMENT, authorId, groupId, postId, commentId);
        }
        if (postAuthorId != null && told.add(postAuthorId)) {
            notifications.record(postAuthorId, NotificationKind.COMMENT_ON_POST, authorId, groupId, postId, commentId);
        }
        for (Long mentioned : mentionedIds) {
            if (told.add(mentioned)) {
                notifications.record(mentioned, NotificationKind.MENTION, authorId, groupId, postId, commentId);
            }
        }
    }

    @ApplicationModuleListener(id = "notification.postLiked")
    void on(PostEvents.PostLiked e) {
        notify(e, e.authorId(), NotificationKind.LIKE_ON_POST, e.likerId(), e.groupId(), e.postId(), null);
    }

    @ApplicationModuleListener(id = "notification.commentLiked")
    void on(PostEvents.CommentLiked e) {
        notify(e, e.authorId(), NotificationKind.LIKE_ON_COMMENT, e.likerId(), e.groupId(), e.postId(), e.commentId());
    }

    /** The person a moderation action concerns hears of it (without who flagged); no group, so it always shows. */
    @ApplicationModuleListener(id = "notification.actionTaken")
    void on(ModerationEvents.ActionTaken e) {
        notify(e, e.subjectId(), NotificationKind.MODERATION_ACTION, null, null, null, null);
    }

    @ApplicationModuleListener(id = "notification.appealFiled")
    void on(ModerationEvents.AppealFiled e) {
        handle(e, () -> e.moderatorIds().forEach(moderator ->
                notifications.record(moderator, NotificationKind.APPEAL_TO_DECIDE, null, null, null, null)));
    }

    @ApplicationModuleListener(id = "notification.appealDecided")
    void on(ModerationEvents.AppealDecided e) {
        notify(e, e.appellantId(), NotificationKind.APPEAL_DECIDED, null, null, null, null);
    }

    @ApplicationModuleListener(id = "notification.followed")
    void on(FollowEvents.Followed e) {
        notify(e, e.followeeId(), NotificationKind.NEW_FOLLOWER, e.followerId(), null, null, null);
    }

    /** Those who answered an event hear that its time or place changed. */
    @ApplicationModuleListener(id = "notification.eventChanged")
    void on(EventEvents.EventChanged e) {
        handle(e, () -> e.attendeeIds().forEach(person -> notifications.recordAboutEvent(person,
                NotificationKind.EVENT_CHANGED, e.hostId(), e.groupId(), e.eventId())));
    }

    @ApplicationModuleListener(id = "notification.eventCancelled")
    void on(EventEvents.EventCancelled e) {
        handle(e, () -> e.attendeeIds().forEach(person -> notifications.recordAboutEvent(person,
                NotificationKind.EVENT_CANCELLED, e.hostId(), e.groupId(), e.eventId())));
    }

    /** The first person waiting got a place. */
    @ApplicationModuleListener(id = "notification.eventPlaceGiven")
    void on(EventEvents.PlaceGiven e) {
        handle(e, () -> notifications.recordAboutEvent(e.accountId(), NotificationKind.EVENT_PLACE_GIVEN, null,
                e.groupId(), e.eventId()));
    }

    @ApplicationModuleListener(id = "notification.eventReminder")
    void on(EventEvents.ReminderDue e) {
        handle(e, () -> notifications.recordAboutEvent(e.accountId(), NotificationKind.EVENT_REMINDER, null,
                e.groupId(), e.eventId()));
    }

    private void notify(Object event, long recipientId, NotificationKind kind, Long actorId, Long groupId, Long postId,
            Long commentId) {
        handle(event, () -> notifications.record(recipientId, kind, actorId, groupId, postId, commentId));
    }

    /**
     * Runs in the listener's own transaction, once the publication is claimed; a failure rolls both back and leaves
     * the publication pending, to be retried later. Nothing to do when another run has done or is doing it.
     */
    private void handle(Object event, Runnable work) {
        if (listeners.claim(event)) {
            work.run();
        }
    }
}
