package org.tribune.notification;

import java.time.Instant;

/** One stored notification: a row of the {@code notification} table. */
record Notification(long id, long recipientId, NotificationKind kind, Long actorId, Long groupId, Long postId,
        Long commentId, Instant createdAt, Instant readAt, Long eventId) {

    Notification(long id, long recipientId, NotificationKind kind, Long actorId, Long groupId, Long postId,
            Long commentId, Instant createdAt, Instant readAt) {
        this(id, recipientId, kind, actorId, groupId, postId, commentId, createdAt, readAt, null);
    }

    boolean isRead() {
        return readAt != null;
    }

    /** What likes are grouped by: the liked post, or the liked comment. */
    Subject subject() {
        return new Subject(kind, postId, commentId);
    }

    record Subject(NotificationKind kind, Long postId, Long commentId) {
    }
}
