package org.tribune.notification;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupEvents;

/**
 * Turns other features' events into notifications, once their transaction has committed: a change that rolls back
 * notifies nobody, and a failure here never undoes the change. The work runs on a virtual thread of its own, in a
 * transaction of its own: the request that made the change neither waits for it nor holds its database connection
 * while taking a second one (which, under load, could empty the pool). Each kind is one listener; posts and follows
 * add theirs the same way, e.g.
 * {@code @TransactionalEventListener void on(PostLiked e) { notify(e, e.authorId(), LIKE_ON_POST, e.likerId(), e.groupId(), e.postId(), null); }}
 */
@Component
class GroupNotifications {
    private static final Logger log = LoggerFactory.getLogger(GroupNotifications.class);

    private final Notifications notifications;
    private final GroupAccess groups;
    private final TransactionTemplate separately;
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();

    GroupNotifications(Notifications notifications, GroupAccess groups, PlatformTransactionManager transactions) {
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
