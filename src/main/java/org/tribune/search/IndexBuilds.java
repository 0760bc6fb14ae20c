package org.tribune.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code search_index_state} row: one for the whole database, so every node sees the same build. */
@Repository
class IndexBuilds {
    private final JdbcClient db;

    IndexBuilds(JdbcClient db) {
        this.db = db;
    }

    IndexBuild current() {
        return db.sql("select generation, built, total, done, started_at, finished_at from search_index_state where id = 1")
                .query((rs, n) -> new IndexBuild(rs.getLong("generation"), rs.getBoolean("built"),
                        rs.getBoolean("built") || rs.getTimestamp("started_at") != null ? rs.getLong("total") : null,
                        rs.getLong("done"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at"))))
                .single();
    }

    long generation() {
        return db.sql("select generation from search_index_state where id = 1").query(Long.class).single();
    }

    /** The name of this database for Lucene indexes, made at the first call. */
    String token() {
        db.sql("update search_index_state set token = ? where id = 1 and token = ''").param(UUID.randomUUID().toString()).update();
        return db.sql("select token from search_index_state where id = 1").query(String.class).single();
    }

    /**
     * Starts a rebuild unless one is running (started or last progressed after {@code staleBefore}; one that made no
     * progress since was left by a node that died): the new generation, or null when another is running.
     */
    Long start(Instant now, long total, Instant staleBefore) {
        int claimed = db.sql("update search_index_state set generation = generation + 1, total = ?, done = 0, "
                        + "started_at = ?, progressed_at = ?, finished_at = null where id = 1 "
                        + "and (started_at is null or finished_at is not null or coalesce(progressed_at, started_at) < ?)")
                .params(total, Timestamp.from(now), Timestamp.from(now), Timestamp.from(staleBefore)).update();
        return claimed == 0 ? null : generation();
    }

    /** {@code done} documents written by now: the rebuild is alive. */
    void progress(long generation, long done, Instant now) {
        db.sql("update search_index_state set done = ?, progressed_at = ? where id = 1 and generation = ?")
                .params(done, Timestamp.from(now), generation).update();
    }

    void finish(long generation, Instant now) {
        db.sql("update search_index_state set built = true, finished_at = ? where id = 1 and generation = ?")
                .params(Timestamp.from(now), generation).update();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
