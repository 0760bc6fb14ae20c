package org.tribune.notes;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.post.HelpfulNotes;

/** The {@code note} and {@code note_request} tables. */
@Repository
class Notes {
    static final String COLUMNS = "id, post_id, group_id, author_id, misleading, body, body_html, sources, created_at, "
            + "status, status_at, intercept, factor, post_edited_at";
    static final RowMapper<Note> NOTE = Notes::note;

    private final JdbcClient db;
    /**
     * Tells posts when a post's Helpful notes may have changed: a scoring run moved a note into or out of Helpful (or
     * reordered Helpful ones), the post was edited, or a writer's notes were erased. Posts keep them in memory.
     */
    private final ApplicationEventPublisher events;

    Notes(JdbcClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    private static Note note(ResultSet rs, int row) throws SQLException {
        long group = rs.getLong("group_id");
        Long groupId = rs.wasNull() ? null : group;
        double i = rs.getDouble("intercept");
        Double intercept = rs.wasNull() ? null : i;
        double f = rs.getDouble("factor");
        Double factor = rs.wasNull() ? null : f;
        String sources = rs.getString("sources");
        return new Note(rs.getLong("id"), rs.getLong("post_id"), groupId, rs.getLong("author_id"),
                rs.getBoolean("misleading"), rs.getString("body"), rs.getString("body_html"),
                sources.isEmpty() ? List.of() : Arrays.asList(sources.split("\n")), instant(rs, "created_at"),
                NoteStatus.valueOf(rs.getString("status")), instant(rs, "status_at"), intercept, factor,
                instant(rs, "post_edited_at"));
    }

    void insert(Note note) {
        db.sql("insert into note (id, post_id, group_id, author_id, misleading, body, body_html, sources, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(note.id(), note.postId(), note.groupId(), note.authorId(), note.misleading(), note.body(),
                        note.bodyHtml(), String.join("\n", note.sources()), ts(note.createdAt()))
                .update();
    }

    Optional<Note> byId(long id) {
        return db.sql("select " + COLUMNS + " from note where id = ?").param(id).query(NOTE).optional();
    }

    List<Note> ofPost(long postId) {
        return db.sql("select " + COLUMNS + " from note where post_id = ? order by id").param(postId).query(NOTE).list();
    }

    boolean wrote(long authorId, long postId) {
        return db.sql("select count(*) from note where author_id = ? and post_id = ?").params(authorId, postId)
                .query(Long.class).single() > 0;
    }

    /** The Helpful notes of these posts, each post's most helpful first. */
    List<Note> helpfulOf(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from note where post_id in (:ids) and status = 'HELPFUL' "
                + "order by post_id, intercept desc, id").param("ids", postIds).query(NOTE).list();
    }

    /** These posts' Helpful notes changed (a scoring run): posts forget what they keep of them, on every node. */
    void forgetHelpful(Collection<Long> postIds) {
        changed(postIds);
    }

    private void changed(Collection<Long> postIds) {
        if (!postIds.isEmpty()) {
            events.publishEvent(new HelpfulNotes.Changed(postIds));
        }
    }

    /** The statuses of a writer's latest notes, newest first. */
    List<NoteStatus> latestStatusesOf(long authorId, int limit) {
        return db.sql("select status from note where author_id = ? order by author_id desc, id desc limit ?")
                .params(authorId, limit).query((rs, n) -> NoteStatus.valueOf(rs.getString(1))).list();
    }

    long countFinal() {
        return db.sql("select count(*) from note where status <> 'NEEDS_MORE_RATINGS'").query(Long.class).single();
    }

    /** Everything the scorer needs about every note. */
    List<Note> all() {
        return db.sql("select " + COLUMNS + " from note").query(NOTE).list();
    }

    void score(long id, NoteStatus status, Instant statusAt, double intercept, double factor) {
        db.sql("update note set status = ?, status_at = ?, intercept = ?, factor = ? where id = ?")
                .params(status.name(), ts(statusAt), intercept, factor, id).update();
    }

    void postEdited(long postId, Instant at) {
        db.sql("update note set post_edited_at = ? where post_id = ?").params(ts(at), postId).update();
        changed(List.of(postId));
    }

    /**
     * Notes waiting for ratings that this rater did not write nor rate yet, written since {@code since} (older ones
     * are frozen: ratings no longer change them), each with its ratings by side of the factor of the last run.
     */
    List<NoteRouting.Candidate> waitingFor(long raterId, Instant since) {
        return db.sql("select n.id, "
                        + "sum(case when f.factor > 0 then 1 else 0 end) as positive, "
                        + "sum(case when f.factor < 0 then 1 else 0 end) as negative, "
                        + "count(r.rater_id) as total "
                        + "from note n left join note_rating r on r.note_id = n.id "
                        + "left join note_rater_factor f on f.rater_id = r.rater_id "
                        + "where n.status = 'NEEDS_MORE_RATINGS' and n.created_at >= ? and n.author_id <> ? "
                        + "and not exists (select 1 from note_rating m where m.note_id = n.id and m.rater_id = ?) "
                        + "group by n.id")
                .params(ts(since), raterId, raterId)
                .query((rs, row) -> new NoteRouting.Candidate(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    List<Note> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from note where id in (:ids)").param("ids", ids).query(NOTE).list();
    }

    List<Note> byAuthor(long authorId) {
        return db.sql("select " + COLUMNS + " from note where author_id = ? order by id").param(authorId).query(NOTE).list();
    }

    /** Notes for the export: created before {@code until}, outside private groups (the caller passes public groups). */
    List<Note> createdBefore(Instant until) {
        return db.sql("select " + COLUMNS + " from note where created_at < ? order by id").param(ts(until)).query(NOTE).list();
    }

    void deleteByAuthor(long authorId) {
        List<Long> posts = postsWithNotesBy(authorId);
        db.sql("delete from note where author_id = ?").param(authorId).update();
        changed(posts);
    }

    void anonymise(long authorId) {
        List<Long> posts = postsWithNotesBy(authorId);
        db.sql("update note set author_id = 0 where author_id = ?").param(authorId).update();
        changed(posts);
    }

    private List<Long> postsWithNotesBy(long authorId) {
        return db.sql("select distinct post_id from note where author_id = ?").param(authorId).query(Long.class).list();
    }

    void request(long postId, Long groupId, Instant at) {
        int updated = db.sql("update note_request set requests = requests + 1, requested_at = ? where post_id = ?")
                .params(ts(at), postId).update();
        if (updated == 0) {
            db.sql("insert into note_request (post_id, group_id, requests, requested_at) values (?, ?, 1, ?) on conflict do nothing")
                    .params(postId, groupId, ts(at)).update();
        }
    }

    /** Post ids whose readers asked for context, most asked first. */
    List<Long> requestedPosts(int limit) {
        return db.sql("select post_id from note_request order by requests desc, requested_at desc limit ?").param(limit)
                .query(Long.class).list();
    }

    void requestAnswered(long postId) {
        db.sql("delete from note_request where post_id = ?").param(postId).update();
    }
}
