package org.tribune.admission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code admission_run} table: one row per day, which is also the claim that makes the day run once. */
@Repository
class AdmissionRuns {
    private final JdbcClient db;

    AdmissionRuns(JdbcClient db) {
        this.db = db;
    }

    /**
     * Claims the day for this transaction; false if another run has it. On PostgreSQL a second node's insert waits
     * for the first's transaction and then finds the row; if the first rolls back, the second gets the day.
     */
    boolean claim(LocalDate day, Integer quota, Instant at) {
        return db.sql("insert into admission_run (run_day, daily_quota, admitted, ran_at) values (?, ?, 0, ?) "
                        + "on conflict do nothing")
                .params(day, quota, Waitlist.ts(at)).update() == 1;
    }

    void recordAdmitted(LocalDate day, int admitted) {
        db.sql("update admission_run set admitted = ? where run_day = ?").params(admitted, day).update();
    }

    List<AdmissionRun> newest(int limit) {
        return db.sql("select * from admission_run order by run_day desc limit ?").param(limit)
                .query((rs, n) -> {
                    int quota = rs.getInt("daily_quota");
                    Integer q = rs.wasNull() ? null : quota;
                    return new AdmissionRun(rs.getObject("run_day", LocalDate.class), q, rs.getInt("admitted"),
                            rs.getTimestamp("ran_at").toInstant());
                }).list();
    }
}
