package org.tribune.post;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code post_like} and {@code comment_like} tables: one like per person and thing. */
@Repository
class Likes {
    private final JdbcClient db;

    Likes(JdbcClient db) {
        this.db = db;
    }

    boolean likePost(long postId, long accountId, Instant at) {
        return db.sql("insert into post_like (post_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(postId, accountId, ts(at)).update() == 1;
    }

    boolean unlikePost(long postId, long accountId) {
        return db.sql("delete from post_like where post_id = ? and account_id = ?").params(postId, accountId).update() == 1;
    }

    boolean likeComment(long commentId, long accountId, Instant at) {
        return db.sql("insert into comment_like (comment_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(commentId, accountId, ts(at)).update() == 1;
    }

    boolean unlikeComment(long commentId, long accountId) {
        return db.sql("delete from comment_like where comment_id = ? and account_id = ?").params(commentId, accountId).update() == 1;
    }

    /** Of these posts, the ones this account liked. */
    Set<Long> likedPosts(long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql("select post_id from post_like where account_id = :account and post_id in (:ids)")
                .param("account", accountId).param("ids", postIds).query(Long.class).list());
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
