package org.tribune.post;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code post_comment} table. */
@Repository
class Comments {
    static final String COLUMNS = "id, post_id, parent_id, depth, author_id, body, body_html, created_at, edited_at, "
            + "deleted_at, like_count, content_warning";
    static final RowMapper<Comment> COMMENT = Comments::comment;

    private final JdbcClient db;

    Comments(JdbcClient db) {
        this.db = db;
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent; // read before any other column: wasNull speaks of the last one
        return new Comment(rs.getLong("id"), rs.getLong("post_id"), parentId, rs.getInt("depth"),
                rs.getLong("author_id"), rs.getString("body"), rs.getString("body_html"), instant(rs, "created_at"),
                instant(rs, "edited_at"), rs.getTimestamp("deleted_at") != null, rs.getInt("like_count"),
                rs.getString("content_warning"));
    }

    void insert(Comment comment) {
        db.sql("insert into post_comment (id, post_id, parent_id, depth, author_id, body, body_html, created_at, content_warning) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(comment.id(), comment.postId(), comment.parentId(), comment.depth(), comment.authorId(),
                        comment.body(), comment.bodyHtml(), ts(comment.createdAt()), comment.contentWarning())
                .update();
    }

    /** Comments not deleted with ids above {@code afterId}, in id order: for rebuilding the search index. */
    List<Comment> liveAfter(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from post_comment where id > ? and deleted_at is null order by id limit ?")
                .params(afterId, limit).query(COMMENT).list();
    }

    /** The comments with these ids that are not deleted. */
    List<Comment> live(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from post_comment where id in (:ids) and deleted_at is null")
                .param("ids", ids).query(COMMENT).list();
    }

    Optional<Comment> byId(long id) {
        return db.sql("select " + COLUMNS + " from post_comment where id = ?").param(id).query(COMMENT).optional();
    }

    /** A page of a post's comments in the order they were written. */
    List<Comment> ofPost(long postId, long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from post_comment where post_id = ? and id > ? order by post_id, id limit ?")
                .params(postId, afterId, limit).query(COMMENT).list();
    }

    boolean hasReplies(long id) {
        return db.sql("select count(*) from post_comment where parent_id = ? and deleted_at is null").param(id)
                .query(Long.class).single() > 0;
    }

    /** Sets, changes or removes (null) the comment's content warning. */
    void warn(long id, String warning) {
        db.sql("update post_comment set content_warning = ? where id = ?").params(warning, id).update();
    }

    void update(long id, String body, String bodyHtml, Instant at) {
        db.sql("update post_comment set body = ?, body_html = ?, edited_at = ? where id = ?")
                .params(body, bodyHtml, ts(at), id).update();
    }

    /** Removes the text for good; the row stays so replies keep their place. True only the first time. */
    /** Every comment on a post, deleted ones included (their pictures go with the post). */
    java.util.List<Long> idsOn(long postId) {
        return db.sql("select id from post_comment where post_id = ?").param(postId).query(Long.class).list();
    }

    boolean delete(long id, Instant at) {
        return db.sql("update post_comment set deleted_at = ?, body = '', body_html = '' where id = ? and deleted_at is null")
                .params(ts(at), id).update() == 1;
    }

    void addLikes(long id, int delta) {
        db.sql("update post_comment set like_count = like_count + ? where id = ?").params(delta, id).update();
    }
}
