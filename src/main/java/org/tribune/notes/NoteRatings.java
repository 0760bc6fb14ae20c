package org.tribune.notes;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code note_rating} table. */
@Repository
class NoteRatings {
    private final JdbcClient db;

    NoteRatings(JdbcClient db) {
        this.db = db;
    }

    /** A rating as stored; raters' ids never leave the notes feature except as export pseudonyms. */
    record Stored(long noteId, long raterId, double helpfulness, String tags, Instant createdAt) {
    }

    private static final org.springframework.jdbc.core.RowMapper<Stored> STORED = (rs, n) -> new Stored(
            rs.getLong("note_id"), rs.getLong("rater_id"), rs.getDouble("helpfulness"), rs.getString("tags"),
            instant(rs, "created_at"));

    /** Records or replaces a rater's rating of a note. */
    void rate(long noteId, long raterId, double helpfulness, String tags, Instant at) {
        int updated = db.sql("update note_rating set helpfulness = ?, tags = ?, created_at = ? where note_id = ? and rater_id = ?")
                .params(helpfulness, tags, ts(at), noteId, raterId).update();
        if (updated == 0) {
            db.sql("insert into note_rating (note_id, rater_id, helpfulness, tags, created_at) values (?, ?, ?, ?, ?) "
                            + "on conflict do nothing")
                    .params(noteId, raterId, helpfulness, tags, ts(at)).update();
        }
    }

    Optional<Stored> of(long noteId, long raterId) {
        return db.sql("select note_id, rater_id, helpfulness, tags, created_at from note_rating where note_id = ? and rater_id = ?")
                .params(noteId, raterId).query(STORED).optional();
    }

    long count(long noteId) {
        return db.sql("select count(*) from note_rating where note_id = ?").param(noteId).query(Long.class).single();
    }

    List<NoteScorer.Rating> all() {
        return db.sql("select rater_id, note_id, helpfulness from note_rating")
                .query((rs, n) -> new NoteScorer.Rating(rs.getLong(1), rs.getLong(2), rs.getDouble(3))).list();
    }

    /** How many of the rater's ratings agree with the final status of the note they rated. */
    long matchingFinalOutcomes(long raterId) {
        return db.sql("select count(*) from note_rating r join note n on n.id = r.note_id where r.rater_id = ? and "
                        + "((n.status = 'HELPFUL' and r.helpfulness >= 0.5) or (n.status = 'NOT_HELPFUL' and r.helpfulness < 0.5))")
                .param(raterId).query(Long.class).single();
    }

    List<Stored> byRater(long raterId) {
        return db.sql("select note_id, rater_id, helpfulness, tags, created_at from note_rating where rater_id = ? order by note_id")
                .param(raterId).query(STORED).list();
    }

    List<Stored> createdBefore(Instant until) {
        return db.sql("select note_id, rater_id, helpfulness, tags, created_at from note_rating where created_at < ? "
                        + "order by note_id, rater_id")
                .param(ts(until)).query(STORED).list();
    }

    void deleteByRater(long raterId) {
        db.sql("delete from note_rating where rater_id = ?").param(raterId).update();
    }
}
