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
 * every node into its own index. A node's position is a snapshot of the server ({@link Snapshot}): it has applied
 * the changes of every transaction that snapshot sees as committed. The next read takes a new snapshot and applies
 * what that one sees and the position did not: the transactions running at the position and ended since, and those
 * begun since and ended. So a change committed late by a transaction that began early is never stepped over, and a
 * transaction left open (a backup, a long report, on any database of the server) holds back no one else's changes.
 * On H2 (one node, whose index follows its own commits) nothing is logged.
 */
@Repository
class SearchChanges {
    /** A logged change: its place in the log and the document it is about. */
    record Change(long txid, long seq, SearchDocument.Key key) {
    }

    /**
     * A snapshot of the server's transactions, as {@code pg_current_snapshot()} gives it ({@code xmin:xmax:running}):
     * every transaction below {@code xmin} has ended, none from {@code xmax} on had, and of those between, the
     * {@code running} ones had not.
     */
    record Snapshot(long xmin, long xmax, List<Long> running) {
        static Snapshot parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length == 1) {
                // a position of the first log format: every transaction below it had ended
                long below = Long.parseLong(parts[0]);
                return new Snapshot(below, below, List.of());
            }
            List<Long> running = parts[2].isEmpty() ? List.of()
                    : java.util.Arrays.stream(parts[2].split(",")).map(Long::valueOf).toList();
            return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), running);
        }

        /** Whether this snapshot sees transaction {@code txid} as ended (committed, if it logged anything). */
        boolean sees(long txid) {
            return txid < xmin || (txid < xmax && !running.contains(txid));
        }

        String text() {
            return xmin + ":" + xmax + ":" + running.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        }
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

    /** The server's transactions now. */
    Snapshot now() {
        return Snapshot.parse(db.sql("select pg_current_snapshot()::text").query(String.class).single());
    }

    /**
     * A page of the log: the changes in it to apply, and where the next page starts (the last row read, which may be
     * one left out); {@code last} is true when the log holds no more.
     */
    record Page(List<Change> changes, long afterTx, long afterSeq, boolean last) {
    }

    /**
     * A page of up to {@code limit} rows of the log, in log order after {@code (afterTx, afterSeq)}, of the
     * transactions {@code now} sees as ended and {@code since} did not: first those running at {@code since}, then
     * those begun since.
     */
    Page endedBetween(Snapshot since, Snapshot now, long afterTx, long afterSeq, int limit) {
        List<Change> read = new java.util.ArrayList<>();
        if (!since.running().isEmpty() && afterTx < since.xmax()) {
            read.addAll(db.sql("select txid, seq, kind, id from search_change where txid in (:running) "
                            + "and (txid, seq) > (:tx, :seq) order by txid, seq limit :limit")
                    .param("running", since.running()).param("tx", afterTx).param("seq", afterSeq).param("limit", limit)
                    .query(SearchChanges::change).list());
        }
        if (read.size() < limit) {
            // past the running ones (all below since.xmax): the transactions begun since
            long fromTx = Math.max(afterTx, since.xmax());
            long fromSeq = afterTx >= since.xmax() ? afterSeq : -1;
            read.addAll(db.sql("select txid, seq, kind, id from search_change where (txid, seq) > (:tx, :seq) "
                            + "and txid < :to order by txid, seq limit :limit")
                    .param("tx", fromTx).param("seq", fromSeq).param("to", now.xmax()).param("limit", limit - read.size())
                    .query(SearchChanges::change).list());
        }
        if (read.isEmpty()) {
            return new Page(List.of(), afterTx, afterSeq, true);
        }
        // Rows of transactions still running are not visible to these queries; those of transactions ended after
        // "now" was taken may be, and are left to the next read, which sees them as ended.
        Change lastRead = read.getLast();
        return new Page(read.stream().filter(c -> now.sees(c.txid())).toList(), lastRead.txid(), lastRead.seq(),
                read.size() < limit);
    }

    private static Change change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Change(rs.getLong("txid"), rs.getLong("seq"),
                new SearchDocument.Key(SearchDocument.Kind.of(rs.getString("kind")), rs.getLong("id")));
    }

    /** Whether every change a node at {@code position} has not applied is still in the log. */
    boolean keptSince(Snapshot position) {
        return position.xmin() >= db.sql("select before from search_change_horizon where id = 1").query(Long.class).single();
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
