package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "a store is away" (503) and which are Tribune's own (500) or the client's. */
class OutagesTest {

    @Test
    void postgresSaysItsServerIsGoneOrFullByItsSqlState() {
        for (String state : new String[] {"08006", "08001", "57P01", "57P03", "53100", "53300", "25006"}) {
            assertThat(Outages.isOutage(new UncategorizedSQLException("x", "select 1", new SQLException("gone", state))))
                    .as(state).isTrue();
        }
        assertThat(Outages.isOutage(new UncategorizedSQLException("x", "select 1", new SQLException("syntax", "42601")))).isFalse();
        assertThat(Outages.isOutage(new DataIntegrityViolationException("duplicate"))).isFalse();
    }

    @Test
    void aRollbackThatFailsOnTheBrokenConnectionIsStillAnOutage() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(Outages.isOutage(rollback)).isTrue();
        assertThat(Outages.isOutage(new TransactionSystemException("JDBC commit failed", new SQLException("bug")))).isFalse();
    }

    @Test
    void aCommitThatBreaksWithTheConnectionThenARollbackOnThePoolsClosedStandInIsAnOutage() {
        // Spring logs the commit's I/O error and throws the rollback's failure, which names only the closed connection.
        assertThat(Outages.isOutage(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(Outages.isOutage(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed", "42000")))).isFalse();
    }

    @Test
    void connectionsOfAnEmbeddedDatabaseClosedByAFailedWriteAreDroppedAtOnce() {
        BrokenConnections pool = new BrokenConnections();
        assertThat(pool.adjudicate(new SQLException("Database is already closed", "90098", 90098)))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(pool.adjudicate(new SQLException("duplicate key", "23505")))
                .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    @Test
    void aFullDiskIsAnOutageAndAnotherIoErrorIsNot() {
        assertThat(Outages.isOutage(new IllegalStateException("wrapped", new IOException("No space left on device")))).isTrue();
        assertThat(Outages.isOutage(new IOException("Read-only file system"))).isTrue();
        assertThat(Outages.isOutage(new IOException("Broken pipe"))).isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("a bug"))).isFalse();
    }
}
