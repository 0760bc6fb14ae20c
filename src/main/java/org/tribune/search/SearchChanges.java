package org.tribune.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.Database;

/**
 * The {@code search_change} log (V36, PostgreSQL only): which documents each transaction wrote or removed, read by
 * every node into its own index. A position is a transaction id: a node at position P has applied every change of
 * the transactions below P. Only transactions below the oldest one still running are read ({@link #settled()}), so
 * a change committed late by a transaction that began early is never stepped over. On H2 (one node, whose index
 * follows its own commits) nothing is logged.
 */
@Repository
class SearchChanges {
    /** A logged change: its place in the log and the document it is about. */
    record Change(long txid, long seq, SearchDocument.Key key) {
    }

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    private final boolean kept;

    SearchChanges(JdbcClient db, JdbcTemplate jdbc, Database database) {
        this.db = db;
        this.jdbc = jdbc;
        this.kept = database.isPostgres();
    }

    /** Logs these documents as changed by the current transaction. */
    void logged(Collection<SearchDocument.Key> keys) {
        if (kept && !keys.isEmpty()) {
            jdbc.batchUpdate("insert into search_change (kind, id) values (?, ?)",
                    keys.stream().map(k -> new Object[] {k.kind().code(), k.id()}).toList());
        }
    }

    /** Logs a group's posts and comments as changed (their group's visibility changed). */
    void loggedPostsOf(long groupId) {
        if (!kept) {
            return;
        }
        db.sql("insert into search_change (kind, id) select kind, id from search_document where group_id = ? and kind <> 'group'")
                .param(groupId).update();
    }

    /** The oldest transaction still running anywhere: every transaction below it has committed or rolled back. */
    long settled() {
        return db.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single();
    }

    /** Up to {@code limit} changes of transactions from {@code from} (included) to {@code to} (excluded), after a change. */
    List<Change> between(long from, long afterSeq, long to, int limit) {
        return db.sql("select txid, seq, kind, id from search_change where (txid, seq) > (?, ?) and txid < ? "
                        + "order by txid, seq limit ?")
                .params(from, afterSeq, to, limit)
                .query((rs, n) -> new Change(rs.getLong("txid"), rs.getLong("seq"),
                        new SearchDocument.Key(SearchDocument.Kind.of(rs.getString("kind")), rs.getLong("id"))))
                .list();
    }

    /** Whether every change from {@code position} on is still in the log. */
    boolean keptSince(long position) {
        return position >= db.sql("select before from search_change_horizon where id = 1").query(Long.class).single();
    }

    /**
     * Forgets the changes logged before {@code before} by finished transactions, and moves the horizon past them: a
     * node whose position is below it builds its index again. How many were forgotten.
     */
    int forget(Instant before) {
        // One statement, so that the log never lacks changes the horizon does not tell of.
        return db.sql("with gone as (delete from search_change where logged_at < ? "
                        + "and txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint returning txid), "
                        + "moved as (update search_change_horizon set before = greatest(before, (select max(txid) + 1 from gone)) "
                        + "where id = 1 and exists (select 1 from gone) returning before) "
                        + "select count(*) from gone")
                .param(Timestamp.from(before)).query(Integer.class).single();
    }
}
