package org.tribune.notes;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code note_rater_factor} table: raters' factors from the last scoring run, for routing only. */
@Repository
class RaterFactors {
    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    RaterFactors(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** Forgets the previous run's factors and keeps these (one batch: a run may place tens of thousands of raters). */
    void replaceAll(Map<Long, Double> factors, Instant at) {
        db.sql("delete from note_rater_factor").update();
        List<Object[]> rows = new ArrayList<>(factors.size());
        factors.forEach((rater, factor) -> rows.add(new Object[] {rater, factor, ts(at)}));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into note_rater_factor (rater_id, factor, scored_at) values (?, ?, ?)", rows);
        }
    }

    Optional<Double> of(long raterId) {
        return db.sql("select factor from note_rater_factor where rater_id = ?").param(raterId).query(Double.class).optional();
    }

    void deleteByRater(long raterId) {
        db.sql("delete from note_rater_factor where rater_id = ?").param(raterId).update();
    }
}
