package org.tribune.notification;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.group.GroupAccess;
import org.tribune.follow.FollowEvents;
import org.tribune.group.GroupEvents;
import org.tribune.moderation.ModerationEvents;
import org.tribune.post.PostEvents;

/**
 * Turns other features' events into notifications, once their transaction has committed: a change that rolls back
 * notifies nobody, and a failure here never undoes the change. The work runs on a virtual thread of its own, in a
 * transaction of its own: the request that made the change neither waits for it nor holds its database connection
 * while taking a second one (which, under load, could empty the pool). Each kind is one listener.
 */
@Component
class EventNotifications {
    private static final Logger log = LoggerFactory.getLogger(EventNotifications.class);

    private final Notifications notifications;
    private final GroupAccess groups;
    private final TransactionTemplate separately;
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();

    EventNotifications(Notifications notifications, GroupAccess groups, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.groups = groups;
        this.separately = new TransactionTemplate(transactions);
    }

    @TransactionalEventListener
    void on(GroupEvents.JoinRequested e) {
        inOwnTransaction(e, () -> groups.moderatorIds(e.groupId()).forEach(moderator ->
                notifications.record(moderator, NotificationKind.JOIN_REQUEST, e.accountId(), e.groupId(), null, null)));
    }

    @TransactionalEventListener
    void on(GroupEvents.JoinApproved e) {
        notify(e, e.accountId(), NotificationKind.REQUEST_APPROVED, e.moderatorId(), e.groupId(), null, null);
    }

    @TransactionalEventListener
    void on(GroupEvents.Invited e) {
        notify(e, e.accountId(), NotificationKind.INVITED, e.moderatorId(), e.groupId(), null, null);
    }

    /** People mentioned in a new post (the post already left out those who may not read it). */
    @TransactionalEventListener
    void on(PostEvents.PostPublished e) {
        if (e.mentionedIds().isEmpty()) {
            return; // most posts mention nobody: no transaction, no thread
        }
        inOwnTransaction(e, () -> e.mentionedIds().forEach(mentioned ->
                notifications.record(mentioned, NotificationKind.MENTION, e.authorId(), e.groupId(), e.postId(), null)));
    }

    /** The post's author hears of a comment, the parent's author of a reply, the mentioned of a mention: once each. */
    @TransactionalEventListener
    void on(PostEvents.CommentAdded e) {
        inOwnTransaction(e, () -> {
            Set<Long> told = new HashSet<>();
            told.add(e.authorId());
            if (e.parentAuthorId() != null && told.add(e.parentAuthorId())) {
                notifications.record(e.parentAuthorId(), NotificationKind.REPLY_TO_COMMENT, e.authorId(), e.groupId(),
                        e.postId(), e.commentId());
            }
            if (told.add(e.postAuthorId())) {
                notifications.record(e.postAuthorId(), NotificationKind.COMMENT_ON_POST, e.authorId(), e.groupId(),
                        e.postId(), e.commentId());
            }
            for (Long mentioned : e.mentionedIds()) {
                if (told.add(mentioned)) {
                    notifications.record(mentioned, NotificationKind.MENTION, e.authorId(), e.groupId(), e.postId(),
                            e.commentId());
                }
            }
        });
    }

    @TransactionalEventListener
    void on(PostEvents.PostLiked e) {
        notify(e, e.authorId(), NotificationKind.LIKE_ON_POST, e.likerId(), e.groupId(), e.postId(), null);
    }

    @TransactionalEventListener
    void on(PostEvents.CommentLiked e) {
        notify(e, e.authorId(), NotificationKind.LIKE_ON_COMMENT, e.likerId(), e.groupId(), e.postId(), e.commentId());
    }

    /** The person a moderation action concerns hears of it (without who flagged); no group, so it always shows. */
    @TransactionalEventListener
    void on(ModerationEvents.ActionTaken e) {
        notify(e, e.subjectId(), NotificationKind.MODERATION_ACTION, null, null, null, null);
    }

    @TransactionalEventListener
    void on(ModerationEvents.AppealFiled e) {
        inOwnTransaction(e, () -> e.moderatorIds().forEach(moderator ->
                notifications.record(moderator, NotificationKind.APPEAL_TO_DECIDE, null, null, null, null)));
    }

    @TransactionalEventListener
    void on(ModerationEvents.AppealDecided e) {
        notify(e, e.appellantId(), NotificationKind.APPEAL_DECIDED, null, null, null, null);
    }

    @TransactionalEventListener
    void on(FollowEvents.Followed e) {
        notify(e, e.followeeId(), NotificationKind.NEW_FOLLOWER, e.followerId(), null, null, null);
    }

    private void notify(Object event, long recipientId, NotificationKind kind, Long actorId, Long groupId, Long postId,
            Long commentId) {
        inOwnTransaction(event, () -> notifications.record(recipientId, kind, actorId, groupId, postId, commentId));
    }

    private void inOwnTransaction(Object event, Runnable work) {
        background.execute(() -> {
            try {
                separately.executeWithoutResult(status -> work.run());
            } catch (RuntimeException failure) {
                log.warn("could not notify about {}", event, failure);
            }
        });
    }
}
