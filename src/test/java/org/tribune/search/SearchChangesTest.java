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
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.IntegrationTest;
import org.tribune.TestDatabase;

/**
 * The log of search changes that every node follows (PostgreSQL): a change committed late by a transaction that
 * began early is read, not stepped over, because the log is read only below the oldest running transaction; the
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

    private static List<Long> ids(List<SearchChanges.Change> found) {
        return found.stream().map(c -> c.key().id()).toList();
    }

    @Test
    void aChangeCommittedLateByAnEarlyTransactionIsReadOnceItEnds() throws Exception {
        long position = changes.settled();
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
            // a later transaction logs and commits first
            transactions.executeWithoutResult(s -> changes.logged(List.of(new SearchDocument.Key(SearchDocument.Kind.POST, late))));
            long settled = changes.settled();
            assertThat(settled).as("not past the transaction still running").isLessThanOrEqualTo(slowTxid);
            List<SearchChanges.Change> readNow = changes.between(position, -1, settled, 10_000);
            assertThat(ids(readNow)).doesNotContain(early, late);
            slow.commit();
            long after = changes.settled();
            assertThat(after).isGreaterThan(slowTxid);
            List<SearchChanges.Change> readThen = changes.between(settled, -1, after, 10_000);
            assertThat(ids(readThen)).contains(early, late);
            assertThat(ids(readThen).stream().filter(id -> id == early || id == late)).hasSize(2);
        }
    }

    @Test
    void forgettingMovesTheHorizonPastWhatIsGone() {
        transactions.executeWithoutResult(s -> changes.logged(List.of(new SearchDocument.Key(SearchDocument.Kind.POST, -1L))));
        long before = changes.settled() - 1;
        assertThat(changes.keptSince(before)).isTrue();
        assertThat(changes.forget(Instant.now().plusSeconds(60))).isPositive();
        assertThat(changes.keptSince(before)).as("a node at an older position builds again").isFalse();
        assertThat(changes.keptSince(changes.settled())).isTrue();
        assertThat(changes.forget(Instant.now().minusSeconds(3600))).isZero();
    }
}
