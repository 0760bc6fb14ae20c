package org.tribune.post;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code post_like} and {@code comment_like} tables: one like per person and thing. */
@Repository
class Likes {
    /** How many of a person's likes, on the newest posts they liked, this node keeps. */
    static final int KEPT = 256;

    private final JdbcClient db;
    /**
     * Each person's likes on the newest posts they liked, on this node: every page of posts says which the reader
     * liked, and nearly all of them are recent. Evicted on each like and unlike, and on erasure, on every node.
     */
    private final NodeCache<Recent> recent;

    Likes(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.recent = caches.create("post-likes", 16, r -> 48 + 24 * r.postIds().size());
    }

    /**
     * The posts a person liked from {@code floor} up (all of them when the floor is 0: they liked fewer than
     * {@link #KEPT}); below the floor this says nothing.
     */
    record Recent(Set<Long> postIds, long floor) {
    }

    boolean likePost(long postId, long accountId, Instant at) {
        boolean result = db.sql("insert into post_like (post_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(postId, accountId, ts(at)).update() == 1;
        recent.evict(accountId);
        return result;
    }

    boolean unlikePost(long postId, long accountId) {
        boolean result = db.sql("delete from post_like where post_id = ? and account_id = ?").params(postId, accountId).update() == 1;
        recent.evict(accountId);
        return result;
    }

    /** The person's likes went behind this class (their account erased). */
    void forget(long accountId) {
        recent.evict(accountId);
    }

    boolean likeComment(long commentId, long accountId, Instant at) {
        return db.sql("insert into comment_like (comment_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(commentId, accountId, ts(at)).update() == 1;
    }

    boolean unlikeComment(long commentId, long accountId) {
        return db.sql("delete from comment_like where comment_id = ? and account_id = ?").params(commentId, accountId).update() == 1;
    }

    /** Of these posts, the ones this account liked: from memory down to the floor of what it keeps, below from the database. */
    Set<Long> likedPosts(long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        Recent known = recent.get(accountId, this::recentOf);
        Set<Long> liked = new java.util.HashSet<>();
        List<Long> older = new java.util.ArrayList<>();
        for (Long id : postIds) {
            if (id < known.floor()) {
                older.add(id);
            } else if (known.postIds().contains(id)) {
                liked.add(id);
            }
        }
        if (!older.isEmpty()) {
            liked.addAll(db.sql("select post_id from post_like where account_id = :account and post_id in (:ids)")
                    .param("account", accountId).param("ids", older).query(Long.class).list());
        }
        return Set.copyOf(liked);
    }

    private Recent recentOf(long accountId) {
        List<Long> ids = db.sql("select post_id from post_like where account_id = ? order by post_id desc limit ?")
                .params(accountId, KEPT).query(Long.class).list();
        return new Recent(Set.copyOf(ids), ids.size() < KEPT ? 0 : ids.getLast());
    }

    Set<Long> likedComments(long accountId, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql("select comment_id from comment_like where account_id = :account and comment_id in (:ids)")
                .param("account", accountId).param("ids", commentIds).query(Long.class).list());
    }

    /** Who liked a post, newest first, keyset on account id for simplicity of paging. */
    List<Long> postLikers(long postId, long afterAccountId, int limit) {
        return db.sql("select account_id from post_like where post_id = ? and account_id > ? order by account_id limit ?")
                .params(postId, afterAccountId, limit).query(Long.class).list();
    }

    List<Long> commentLikers(long commentId, long afterAccountId, int limit) {
        return db.sql("select account_id from comment_like where comment_id = ? and account_id > ? order by account_id limit ?")
                .params(commentId, afterAccountId, limit).query(Long.class).list();
    }
}
