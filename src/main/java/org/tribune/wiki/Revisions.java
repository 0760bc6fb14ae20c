package org.tribune.wiki;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.Conflict;

/**
 * The tables {@code wiki_revision}, {@code wiki_head} and {@code wiki_review}. All three are append-only: this class
 * has no UPDATE and no DELETE statement, and a test keeps it so (PostgreSQL also refuses them by trigger on
 * {@code wiki_revision}).
 */
@Repository
class Revisions {
    private static final String COLUMNS = "r.id, r.kind, r.document_id, r.seq, r.base_id, r.editor_id, r.created_at, "
            + "r.change_type, r.restores_id, r.pending, r.summary, r.title, r.body, r.link_url, r.link_summary, r.content_warning, v.decision";

    private final JdbcClient db;

    Revisions(JdbcClient db) {
        this.db = db;
    }

    /** A revision with where it stands now. */
    record Stored(Revision revision, Revision.Status status) {
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        long base = rs.getLong("base_id");
        Long baseId = rs.wasNull() ? null : base;
        long restores = rs.getLong("restores_id");
        Long restoresId = rs.wasNull() ? null : restores;
        boolean pending = rs.getBoolean("pending");
        String decision = rs.getString("decision");
        Revision.Status status = decision != null ? Revision.Status.valueOf(decision)
                : pending ? Revision.Status.PENDING : Revision.Status.ACCEPTED;
        Revision revision = new Revision(rs.getLong("id"), new Document(rs.getString("kind"), rs.getLong("document_id")),
                rs.getInt("seq"), baseId, rs.getLong("editor_id"), instant(rs, "created_at"),
                Change.valueOf(rs.getString("change_type")), restoresId, pending, rs.getString("summary"),
                new Content(rs.getString("title"), rs.getString("body"), rs.getString("link_url"), rs.getString("link_summary"),
                        rs.getString("content_warning")));
        return new Stored(revision, status);
    }

    private static String from() {
        return " from wiki_revision r left join wiki_review v on v.revision_id = r.id ";
    }

    /** Adds a revision; false when its number was taken meanwhile (someone saved at the same moment). */
    boolean insert(Revision r) {
        try {
            return db.sql("insert into wiki_revision (id, kind, document_id, seq, base_id, editor_id, created_at, change_type, "
                            + "restores_id, pending, summary, title, body, link_url, link_summary, content_warning) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(r.id(), r.document().kind(), r.document().id(), r.seq(), r.baseId(), r.editorId(),
                            ts(r.createdAt()), r.change().name(), r.restoresId(), r.submittedPending(), r.summary(),
                            r.content().title(), r.content().body(), r.content().link(), r.content().linkSummary(),
                            r.content().contentWarning())
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Stored> byId(Document doc, long id) {
        return db.sql("select " + COLUMNS + from() + "where r.id = ? and r.kind = ? and r.document_id = ?")
                .params(id, doc.kind(), doc.id()).query(Revisions::stored).optional();
    }

    /** Newest first, below revision number {@code beforeSeq}. */
    List<Stored> newest(Document doc, int beforeSeq, int limit) {
        return db.sql("select " + COLUMNS + from() + "where r.kind = ? and r.document_id = ? and r.seq < ? "
                        + "order by r.seq desc limit ?")
                .params(doc.kind(), doc.id(), beforeSeq, limit).query(Revisions::stored).list();
    }

    int lastSeq(Document doc) {
        return db.sql("select coalesce(max(seq), 0) from wiki_revision where kind = ? and document_id = ?")
                .params(doc.kind(), doc.id()).query(Integer.class).single();
    }

    /** The accepted revision readers see: the newest head. */
    Optional<Long> head(Document doc) {
        return db.sql("select revision_id from wiki_head where kind = ? and document_id = ? order by id desc limit 1")
                .params(doc.kind(), doc.id()).query(Long.class).optional();
    }

    /** The heads the document had, newest first: the accepted history rollback walks. */
    List<Long> heads(Document doc, int limit) {
        return db.sql("select revision_id from wiki_head where kind = ? and document_id = ? order by id desc limit ?")
                .params(doc.kind(), doc.id(), limit).query(Long.class).list();
    }

    /** Makes {@code revisionId} the accepted revision in place of {@code replacesId}; Conflict if another move won. */
    void moveHead(long id, Document doc, long revisionId, Long replacesId, Instant at) {
        int added = db.sql("insert into wiki_head (id, kind, document_id, revision_id, replaces_id, moved_at) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(id, doc.kind(), doc.id(), revisionId, replacesId == null ? 0L : replacesId, ts(at)).update();
        if (added != 1) {
            throw new Conflict("wiki.edit-raced");
        }
    }

    /** Records a reviewer's decision once; Conflict when someone decided first. */
    void decide(long revisionId, Revision.Status decision, long reviewerId, Instant at) {
        int added = db.sql("insert into wiki_review (revision_id, decision, reviewer_id, decided_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(revisionId, decision.name(), reviewerId, ts(at)).update();
        if (added != 1) {
            throw new Conflict("wiki.already-reviewed");
        }
    }

    /** Pending revisions with no decision yet, newest first, below {@code beforeId}. */
    List<Stored> pending(long beforeId, int limit) {
        return db.sql("select " + COLUMNS + from() + "where r.pending and v.revision_id is null and r.id < ? "
                        + "order by r.id desc limit ?")
                .params(beforeId, limit).query(Revisions::stored).list();
    }

    int editsSince(long editorId, Instant since) {
        return db.sql("select count(*) from wiki_revision where editor_id = ? and created_at >= ? and change_type <> 'CREATE'")
                .params(editorId, ts(since)).query(Integer.class).single();
    }

    int revertsSince(long editorId, Document doc, Instant since) {
        return db.sql("select count(*) from wiki_revision where editor_id = ? and kind = ? and document_id = ? "
                        + "and created_at >= ? and change_type in ('REVERT', 'ROLLBACK')")
                .params(editorId, doc.kind(), doc.id(), ts(since)).query(Integer.class).single();
    }

    /** How many people wrote accepted revisions after the first. */
    int editorCount(Document doc) {
        return db.sql("select count(distinct r.editor_id)" + from() + "where r.kind = ? and r.document_id = ? and r.seq > 1 "
                        + "and (not r.pending or v.decision = 'ACCEPTED')")
                .params(doc.kind(), doc.id()).query(Integer.class).single();
    }

    List<Stored> byEditor(long editorId, int limit) {
        return db.sql("select " + COLUMNS + from() + "where r.editor_id = ? order by r.id desc limit ?")
                .params(editorId, limit).query(Revisions::stored).list();
    }

    long countByEditor(long editorId) {
        return db.sql("select count(*) from wiki_revision where editor_id = ?").param(editorId).query(Long.class).single();
    }

    long countReviewsBy(long reviewerId) {
        return db.sql("select count(*) from wiki_review where reviewer_id = ?").param(reviewerId).query(Long.class).single();
    }

    List<java.util.Map<String, Object>> reviewsBy(long reviewerId) {
        return db.sql("select revision_id, decision, decided_at from wiki_review where reviewer_id = ? order by decided_at")
                .param(reviewerId).query((rs, n) -> java.util.Map.<String, Object>of("revisionId", Long.toString(rs.getLong(1)),
                        "decision", rs.getString(2), "decidedAt", instant(rs, "decided_at"))).list();
    }
}
