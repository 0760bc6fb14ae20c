package org.tribune.post;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code post_hidden}, {@code comment_hidden} and {@code post_lock} tables: what moderation (or a group's filter)
 * did to content, and whether the notifications of held new content wait for its release.
 */
@Repository
class Restrictions {
    private final JdbcClient db;
    /**
     * Tells of every write below that changes a post's restrictions: they are kept in memory with the rest of what a
     * card shows ({@link PostExtras}).
     */
    private final ApplicationEventPublisher events;

    Restrictions(JdbcClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    /** A post's restrictions changed (published inside the change's transaction). */
    record Changed(long postId) {
    }

    /** One post's restrictions; {@code originalId} 0 when it is not a share. */
    record Restriction(boolean hidden, boolean locked, long originalId) {
        /** What most posts have: one value for all of them, not an object more per cached post for the collector to trace. */
        static final Restriction NONE = new Restriction(false, false, 0);

        static Restriction of(boolean hidden, boolean locked, long originalId) {
            return hidden || locked || originalId != 0 ? new Restriction(hidden, locked, originalId) : NONE;
        }
    }

    boolean hidePost(long postId, Instant at) {
        boolean hidden = db.sql("insert into post_hidden (post_id, hidden_at) values (?, ?) on conflict do nothing")
                .params(postId, ts(at)).update() == 1;
        events.publishEvent(new Changed(postId));
        return hidden;
    }

    /** Hides new content held by a filter: its notifications wait for its release ({@link #noticesWaitOnPost}). */
    boolean holdPost(long postId, Instant at) {
        boolean held = db.sql("insert into post_hidden (post_id, hidden_at, notices_wait) values (?, ?, true) on conflict do nothing")
                .params(postId, ts(at)).update() == 1;
        events.publishEvent(new Changed(postId));
        return held;
    }

    boolean noticesWaitOnPost(long postId) {
        return db.sql("select count(*) from post_hidden where post_id = ? and notices_wait").param(postId)
                .query(Integer.class).single() > 0;
    }

    /** What waited for a release never goes: a moderator hid the content for good reason. */
    void dropNoticesOnPost(long postId) {
        db.sql("update post_hidden set notices_wait = false where post_id = ? and notices_wait").param(postId).update();
    }

    boolean restorePost(long postId) {
        boolean restored = db.sql("delete from post_hidden where post_id = ?").param(postId).update() == 1;
        events.publishEvent(new Changed(postId));
        return restored;
    }

    Set<Long> hiddenPosts(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.sql("select post_id from post_hidden where post_id in (:ids)").param("ids", postIds)
                .query(Long.class).list());
    }

    boolean hideComment(long commentId, long postId, Instant at) {
        return db.sql("insert into comment_hidden (comment_id, post_id, hidden_at) values (?, ?, ?) on conflict do nothing")
                .params(commentId, postId, ts(at)).update() == 1;
    }

    boolean holdComment(long commentId, long postId, Instant at) {
        return db.sql("insert into comment_hidden (comment_id, post_id, hidden_at, notices_wait) values (?, ?, ?, true) "
                + "on conflict do nothing").params(commentId, postId, ts(at)).update() == 1;
    }

    boolean noticesWaitOnComment(long commentId) {
        return db.sql("select count(*) from comment_hidden where comment_id = ? and notices_wait").param(commentId)
                .query(Integer.class).single() > 0;
    }

    void dropNoticesOnComment(long commentId) {
        db.sql("update comment_hidden set notices_wait = false where comment_id = ? and notices_wait").param(commentId)
                .update();
    }

    boolean restoreComment(long commentId) {
        return db.sql("delete from comment_hidden where comment_id = ?").param(commentId).update() == 1;
    }

    /** Of these comments, the hidden ones. */
    Set<Long> hiddenCommentsAmong(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.sql("select comment_id from comment_hidden where comment_id in (:ids)").param("ids", commentIds)
                .query(Long.class).list());
    }

    Set<Long> hiddenComments(long postId) {
        return new HashSet<>(db.sql("select comment_id from comment_hidden where post_id = ?").param(postId)
                .query(Long.class).list());
    }

    boolean lock(long postId, Instant at) {
        boolean locked = db.sql("insert into post_lock (post_id, locked_at) values (?, ?) on conflict do nothing")
                .params(postId, ts(at)).update() == 1;
        events.publishEvent(new Changed(postId));
        return locked;
    }

    boolean unlock(long postId) {
        boolean unlocked = db.sql("delete from post_lock where post_id = ?").param(postId).update() == 1;
        events.publishEvent(new Changed(postId));
        return unlocked;
    }

    Set<Long> locked(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.sql("select post_id from post_lock where post_id in (:ids)").param("ids", postIds)
                .query(Long.class).list());
    }

    void share(long postId, long originalId) {
        db.sql("insert into post_share (post_id, original_id) values (?, ?)").params(postId, originalId).update();
        events.publishEvent(new Changed(postId));
    }

    /** Share post id → original post id, for those of these posts that are shares. */
    Map<Long, Long> originals(Collection<Long> postIds) {
        Map<Long, Long> found = new HashMap<>();
        if (!postIds.isEmpty()) {
            db.sql("select post_id, original_id from post_share where post_id in (:ids)").param("ids", postIds)
                    .query((rs, n) -> found.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return found;
    }

    /** What moderation did to these posts, and which of them are shares (every post asked gets an entry). */
    Map<Long, Restriction> read(Collection<Long> postIds) {
        Set<Long> hidden = new HashSet<>();
        Set<Long> locked = new HashSet<>();
        Map<Long, Long> originals = new HashMap<>();
        db.sql("select post_id, 'H' as what, 0 as original_id from post_hidden where post_id in (:ids) "
                        + "union all select post_id, 'L', 0 from post_lock where post_id in (:ids) "
                        + "union all select post_id, 'S', original_id from post_share where post_id in (:ids)")
                .param("ids", postIds)
                .query((rs, n) -> {
                    long post = rs.getLong(1);
                    switch (rs.getString(2)) {
                        case "H" -> hidden.add(post);
                        case "L" -> locked.add(post);
                        default -> originals.put(post, rs.getLong(3));
                    }
                    return post;
                }).list();
        Map<Long, Restriction> read = new HashMap<>();
        postIds.forEach(post -> read.put(post, Restriction.of(hidden.contains(post), locked.contains(post),
                originals.getOrDefault(post, 0L))));
        return read;
    }

    List<Long> hiddenPostIdsOf(long authorId) {
        return db.sql("select h.post_id from post_hidden h join post p on p.id = h.post_id where p.author_id = ?")
                .param(authorId).query(Long.class).list();
    }
}
