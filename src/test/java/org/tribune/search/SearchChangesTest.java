package org.tribune.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.IntegrationTest;
import org.tribune.TestDatabase;

/**
 * The log of search changes that every node follows (PostgreSQL): a change committed late by a transaction that
 * began early is read once it ends, not stepped over; a transaction left open holds back no one else's changes; the
 * horizon moves past what is forgotten, so a node behind it knows it must build its index again.
 */
@IntegrationTest
class SearchChangesTest {
    @Autowired
    SearchChanges changes;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void onPostgresql() {
        assumeTrue(TestDatabase.isPostgres(), "the log exists on PostgreSQL only (one node on H2)");
    }

    /** The ids of every change a follower at {@code since} applies when it reads up to {@code now}, page by page. */
    private List<Long> read(SearchChanges.Snapshot since, SearchChanges.Snapshot now, int pageSize) {
        List<Long> ids = new java.util.ArrayList<>();
        SearchChanges.Page page = changes.endedBetween(since, now, -1, -1, pageSize);
        while (true) {
            page.changes().forEach(c -> ids.add(c.key().id()));
            if (page.last()) {
                return ids;
            }
            page = changes.endedBetween(since, now, page.afterTx(), page.afterSeq(), pageSize);
        }
    }

    /** Only this test's own changes (ids below {@code from}: other tests log their own meanwhile). */
    private static List<Long> below(long from, List<Long> ids) {
        return ids.stream().filter(id -> id <= from).toList();
    }

    private void logged(long... ids) {
        transactions.executeWithoutResult(s -> changes.logged(java.util.Arrays.stream(ids)
                .mapToObj(id -> new SearchDocument.Key(SearchDocument.Kind.POST, id)).toList()));
    }

    @Test
    void aChangeCommittedLateByAnEarlyTransactionIsReadOnceItEndsAndHoldsNoOtherBack() throws Exception {
        SearchChanges.Snapshot position = changes.now();
        long early = -System.nanoTime();
        long late = early - 1;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long slowTxid;
            try (PreparedStatement log = slow.prepareStatement("insert into search_change (kind, id) values ('post', ?) returning txid")) {
                log.setLong(1, early);
                try (ResultSet rs = log.executeQuery()) {
                    rs.next();
                    slowTxid = rs.getLong(1);
                }
            }
            // a later transaction logs and commits first: it is read at once, the open one is not
            logged(late, late - 1, late - 2);
            SearchChanges.Snapshot now = changes.now();
            assertThat(now.sees(slowTxid)).isFalse();
            assertThat(below(early, read(position, now, 2))).as("read by pages of 2").containsExactly(late, late - 1, late - 2);
            slow.commit();
            SearchChanges.Snapshot then = changes.now();
            assertThat(then.sees(slowTxid)).isTrue();
            assertThat(below(early, read(now, then, 2))).as("the early one once it ended, and nothing twice").containsExactly(early);
            assertThat(below(early, read(then, changes.now(), 2))).isEmpty();
        }
    }

    @Test
    void aSnapshotReadsBackAsItWasWritten() {
        SearchChanges.Snapshot snapshot = SearchChanges.Snapshot.parse("100:120:103,110");
        assertThat(snapshot.text()).isEqualTo("100:120:103,110");
        assertThat(snapshot.sees(99)).isTrue();
        assertThat(snapshot.sees(103)).isFalse();
        assertThat(snapshot.sees(104)).isTrue();
        assertThat(snapshot.sees(120)).isFalse();
        // the first log format kept only the oldest transaction still running
        assertThat(SearchChanges.Snapshot.parse("100")).isEqualTo(new SearchChanges.Snapshot(100, 100, List.of()));
        assertThat(SearchChanges.Snapshot.parse(changes.now().text())).isEqualTo(SearchChanges.Snapshot.parse(changes.now().text()));
    }

    @Test
    void forgettingMovesTheHorizonPastWhatIsGone() throws InterruptedException {
        long id = -System.nanoTime();
        logged(id);
        long txid = loggedBy(id);
        // A transaction of another test or a background job, begun before this one ended, keeps the change out of
        // what may be forgotten until it ends too.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (changes.now().xmin() <= txid && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(changes.now().xmin()).as("every transaction up to the change's has ended").isGreaterThan(txid);
        SearchChanges.Snapshot notYetApplied = new SearchChanges.Snapshot(txid, txid, List.of());
        assertThat(changes.keptSince(notYetApplied)).isTrue();
        assertThat(changes.forget(Instant.now().plusSeconds(60))).isPositive();
        assertThat(changes.keptSince(notYetApplied)).as("a node that has not applied a forgotten change builds again").isFalse();
        assertThat(changes.keptSince(changes.now())).isTrue();
        assertThat(changes.forget(Instant.now().minusSeconds(3600))).isZero();
    }

    /** The transaction that logged the change to post {@code id}. */
    private long loggedBy(long id) {
        return JdbcClient.create(dataSource).sql("select txid from search_change where kind = 'post' and id = ?")
                .param(id).query(Long.class).single();
    }
}
