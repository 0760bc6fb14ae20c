package org.tribune.privacy;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code data_export} and {@code data_export_claim} tables. */
@Repository
class DataExports {
    private static final String COLUMNS = "id, account_id, state, progress, file_name, file_size, requested_at, finished_at, expires_at";
    private static final RowMapper<DataExport> EXPORT = (rs, n) -> new DataExport(rs.getLong("id"), rs.getLong("account_id"),
            DataExport.State.valueOf(rs.getString("state")), rs.getInt("progress"), rs.getString("file_name"),
            rs.getObject("file_size") == null ? null : rs.getLong("file_size"), instant(rs, "requested_at"),
            instant(rs, "finished_at"), instant(rs, "expires_at"));

    private final JdbcClient db;

    DataExports(JdbcClient db) {
        this.db = db;
    }

    /**
     * Takes the account's one export of the day: true when it had no claim, or its claim is older than {@code since}.
     * Atomic on both databases: of two requests at once, one inserts and the other finds the key taken (PostgreSQL
     * makes it wait for the first to commit); the conditional update takes a row lock and re-reads the row.
     */
    boolean claim(long accountId, Instant now, Instant since) {
        try {
            if (db.sql("insert into data_export_claim (account_id, requested_at) values (?, ?) on conflict do nothing")
                    .params(accountId, ts(now)).update() == 1) {
                return true;
            }
        } catch (org.springframework.dao.DataIntegrityViolationException
                | org.springframework.dao.PessimisticLockingFailureException takenMeanwhile) {
            // H2 answers a key another open transaction just inserted with an error rather than waiting: taken
            return false;
        }
        return db.sql("update data_export_claim set requested_at = ? where account_id = ? and requested_at <= ?")
                .params(ts(now), accountId, ts(since)).update() == 1;
    }

    /** Gives the claim back (the export failed): its owner may ask again. */
    void releaseClaimOf(long exportId) {
        db.sql("delete from data_export_claim where account_id = (select account_id from data_export where id = ?)")
                .param(exportId).update();
    }

    /** Gives back the claims of exports {@link #failStale} is about to fail. */
    void releaseStaleClaims(Instant startedBefore) {
        db.sql("delete from data_export_claim where account_id in "
                        + "(select account_id from data_export where state = 'RUNNING' and requested_at < ?)")
                .param(ts(startedBefore)).update();
    }

    void add(long id, long accountId, Instant at, Instant expiresAt) {
        db.sql("insert into data_export (id, account_id, state, progress, requested_at, expires_at) "
                        + "values (?, ?, 'PENDING', 0, ?, ?)")
                .params(id, accountId, ts(at), ts(expiresAt)).update();
    }

    Optional<DataExport> latestOf(long accountId) {
        return db.sql("select " + COLUMNS + " from data_export where account_id = ? order by id desc limit 1")
                .param(accountId).query(EXPORT).optional();
    }

    List<DataExport> of(long accountId) {
        return db.sql("select " + COLUMNS + " from data_export where account_id = ? order by id").param(accountId)
                .query(EXPORT).list();
    }

    List<Long> pending(int limit) {
        return db.sql("select id from data_export where state = 'PENDING' order by id limit ?").param(limit)
                .query(Long.class).list();
    }

    /** Takes a pending export; false when another node took it first. */
    boolean start(long id) {
        return db.sql("update data_export set state = 'RUNNING', progress = 0 where id = ? and state = 'PENDING'")
                .param(id).update() == 1;
    }

    Optional<DataExport> byId(long id) {
        return db.sql("select " + COLUMNS + " from data_export where id = ?").param(id).query(EXPORT).optional();
    }

    void progress(long id, int percent) {
        db.sql("update data_export set progress = ? where id = ?").params(percent, id).update();
    }

    void finish(long id, String fileName, long size, Instant at) {
        db.sql("update data_export set state = 'READY', progress = 100, file_name = ?, file_size = ?, finished_at = ? where id = ?")
                .params(fileName, size, ts(at), id).update();
    }

    void fail(long id, Instant at) {
        db.sql("update data_export set state = 'FAILED', finished_at = ? where id = ?").params(ts(at), id).update();
    }

    /** Exports a node began but never finished (it stopped meanwhile) fail, so their owner may ask again. */
    void failStale(Instant startedBefore, Instant now) {
        db.sql("update data_export set state = 'FAILED', finished_at = ? where state = 'RUNNING' and requested_at < ?")
                .params(ts(now), ts(startedBefore)).update();
    }

    List<DataExport> expiredBefore(Instant now) {
        return db.sql("select " + COLUMNS + " from data_export where expires_at < ?").param(ts(now)).query(EXPORT).list();
    }

    void delete(long id) {
        db.sql("delete from data_export where id = ?").param(id).update();
    }

    void deleteAllOf(long accountId) {
        db.sql("delete from data_export where account_id = ?").param(accountId).update();
        db.sql("delete from data_export_claim where account_id = ?").param(accountId).update();
    }
}
