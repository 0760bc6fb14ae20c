package org.tribune.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code notification} table: everyone's notifications, read by recipient and id. */
@Repository
class Inbox {
    private static final String COLUMNS = "id, recipient_id, kind, actor_id, group_id, post_id, comment_id, created_at, read_at, event_id";
    private static final RowMapper<Notification> NOTIFICATION = Inbox::notification;
    private static final String LIKES = "('LIKE_ON_POST', 'LIKE_ON_COMMENT')";

    private final JdbcClient db;
    /**
     * Each person's newest unread notifications ({@link #UNREAD_KEPT} at most), on this node: every signed-in page
     * counts them for its badge. Only the rows are kept; what they may show (blocks, groups, filters) is decided
     * afresh at every count. Every write of a person's notifications here evicts their rows on every node.
     */
    private final NodeCache<List<Notification>> unreadRows;
    /** The most unread rows kept per person: the count looks at no more ({@link Notifications#UNREAD_SCAN}). */
    static final int UNREAD_KEPT = 300;

    Inbox(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.unreadRows = caches.create("unread-notifications", 16, rows -> 32 + 80 * rows.size());
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getLong("recipient_id"), NotificationKind.valueOf(rs.getString("kind")),
                nullableLong(rs, "actor_id"), nullableLong(rs, "group_id"), nullableLong(rs, "post_id"),
                nullableLong(rs, "comment_id"), instant(rs, "created_at"), instant(rs, "read_at"), nullableLong(rs, "event_id"));
    }

    void insert(Notification n) {
        db.sql("insert into notification (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(n.id(), n.recipientId(), n.kind().name(), n.actorId(), n.groupId(), n.postId(), n.commentId(),
                        ts(n.createdAt()), ts(n.readAt()), n.eventId())
                .update();
        unreadRows.evict(n.recipientId());
    }

    /** Whether this person was already notified of this actor's action of this kind on this post or comment. */
    boolean has(long recipientId, NotificationKind kind, long actorId, long postId, Long commentId) {
        return db.sql("select count(*) from notification where recipient_id = ? and post_id = ? and kind = ? "
                        + "and actor_id = ? and coalesce(comment_id, 0) = ?")
                .params(recipientId, postId, kind.name(), actorId, commentId == null ? 0L : commentId)
                .query(Long.class).single() > 0;
    }

    Optional<Notification> byId(long recipientId, long id) {
        return db.sql("select " + COLUMNS + " from notification where recipient_id = ? and id = ?")
                .params(recipientId, id).query(NOTIFICATION).optional();
    }

    /** Newest first, older than {@code beforeId}. */
    List<Notification> before(long recipientId, long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from notification where recipient_id = ? and id < ? order by id desc limit ?")
                .params(recipientId, beforeId, limit).query(NOTIFICATION).list();
    }

    /** The newest unread notifications. */
    List<Notification> unread(long recipientId, int limit) {
        if (limit <= UNREAD_KEPT) {
            List<Notification> kept = unreadRows.get(recipientId, id -> List.copyOf(unreadRead(id, UNREAD_KEPT)));
            return kept.size() <= limit ? kept : kept.subList(0, limit);
        }
        return unreadRead(recipientId, limit);
    }

    private List<Notification> unreadRead(long recipientId, int limit) {
        return db.sql("select " + COLUMNS + " from notification where recipient_id = ? and read_at is null "
                        + "order by id desc limit ?")
                .params(recipientId, limit).query(NOTIFICATION).list();
    }

    /** The newest unread notifications made after {@code since} (all unread ones when it is null). */
    List<Notification> unreadSince(long recipientId, Instant since, int limit) {
        return db.sql("select " + COLUMNS + " from notification where recipient_id = ? and read_at is null "
                        + "and created_at > ? order by id desc limit ?")
                .params(recipientId, ts(since == null ? Instant.EPOCH : since), limit).query(NOTIFICATION).list();
    }

    /** Per subject, the likers of its {@code likers} newest likes, newest first (one row per liker and subject). */
    record LikeRow(Notification.Subject subject, long id, Long actorId, Long groupId, Instant createdAt, int likes, int unread) {
    }

    /** The likes of these posts (and of comments in them) notified to this person, up to {@code likers} per subject. */
    List<LikeRow> likesOf(long recipientId, Collection<Long> postIds, int likers) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return db.sql("select id, kind, post_id, comment_id, actor_id, group_id, created_at, likes, unread from ("
                        + "select id, kind, post_id, comment_id, actor_id, group_id, created_at, "
                        + "row_number() over (partition by kind, post_id, comment_id order by id desc) as position, "
                        + "count(*) over (partition by kind, post_id, comment_id) as likes, "
                        + "sum(case when read_at is null then 1 else 0 end) over (partition by kind, post_id, comment_id) as unread "
                        + "from notification where recipient_id = :recipient and kind in " + LIKES + " and post_id in (:posts)"
                        + ") liked where position <= :likers order by id desc")
                .param("recipient", recipientId).param("posts", postIds).param("likers", likers)
                .query((rs, n) -> new LikeRow(new Notification.Subject(NotificationKind.valueOf(rs.getString("kind")),
                        nullableLong(rs, "post_id"), nullableLong(rs, "comment_id")), rs.getLong("id"),
                        nullableLong(rs, "actor_id"), nullableLong(rs, "group_id"), instant(rs, "created_at"),
                        rs.getInt("likes"), rs.getInt("unread")))
                .list();
    }

    boolean markRead(long recipientId, long id, Instant at) {
        boolean read = db.sql("update notification set read_at = ? where recipient_id = ? and id = ? and read_at is null")
                .params(ts(at), recipientId, id).update() == 1;
        unreadRows.evict(recipientId);
        return read;
    }

    /** Marks every like of one subject read: they are one entry. */
    int markLikesRead(long recipientId, Notification.Subject subject, Instant at) {
        int read = db.sql("update notification set read_at = ? where recipient_id = ? and read_at is null and kind = ? "
                        + "and post_id = ? and coalesce(comment_id, 0) = ?")
                .params(ts(at), recipientId, subject.kind().name(), subject.postId(),
                        subject.commentId() == null ? 0L : subject.commentId())
                .update();
        unreadRows.evict(recipientId);
        return read;
    }

    int markAllRead(long recipientId, Instant at) {
        int read = db.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
                .params(ts(at), recipientId).update();
        unreadRows.evict(recipientId);
        return read;
    }

    /** Every person's kept rows, on every node: after a write that reaches many people's notifications. */
    void forgetUnread() {
        unreadRows.evictAll();
    }
}
