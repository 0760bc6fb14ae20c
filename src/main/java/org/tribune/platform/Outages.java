package org.tribune.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of what Tribune stands on (the database gone or restarting, Redis unreachable, a full disk, a
 * data directory turned read-only) from a fault in Tribune itself. The first kind is answered 503 with
 * {@code Retry-After}: nothing the client sent was wrong, nothing was half-written (the transaction rolled back), and
 * the same request succeeds once the store is back. Only the second kind is a 500.
 */
public final class Outages {
    /**
     * SQLSTATE classes of PostgreSQL that mean the server, not the statement, failed: 08 connection exception, 53
     * insufficient resources (disk full, out of memory, too many connections), 57P admin or crash shutdown, and
     * 25006 (a read-only transaction: a standby promoted late, a primary demoted).
     */
    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("25006"));
    }

    /**
     * H2's codes for the same: 90028/90031 the file could not be read or written (a full disk), 90097 the database is
     * read only (its file or directory is), 90098 closed after such a failure, 90100 no disk space, 90121 closing,
     * 90067 connection broken.
     */
    private static final Set<Integer> H2_UNAVAILABLE = Set.of(90028, 90031, 90067, 90097, 90098, 90100, 90121);

    private Outages() {
    }

    /** Whether {@code failure}, or anything that caused it, says a store Tribune needs is away or cannot write. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isOutage(rollback.getApplicationException())) {
                return true; // the rollback failed on the connection that had just broken, hiding why
            }
            if (t instanceof TransactionSystemException rollback && rollback.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
                // A commit broke with the connection (its failure is only logged), then the rollback met the pool's
                // stand-in for that closed connection: the store went away mid-commit.
                return true;
            }
            if (t instanceof SQLException sql && (isUnavailableState(sql.getSQLState())
                    || (isH2(sql) && H2_UNAVAILABLE.contains(sql.getErrorCode())))) {
                return true;
            }
            if (t instanceof IOException io && isDiskFull(io.getMessage())) {
                return true;
            }
            String type = t.getClass().getName();
            // Redis is optional, so its client is named rather than imported here.
            if (type.equals("redis.clients.jedis.exceptions.JedisConnectionException")) {
                return true;
            }
            if (type.equals("org.h2.mvstore.MVStoreException") && isDiskFull(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database refused text the client sent as unstorable: PostgreSQL's 22021 (character not in
     * repertoire), which a U+0000 in a JSON string gets. The client's mistake, answered 400 like any invalid input.
     */
    public static boolean isUnstorableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }

    private static boolean isDiskFull(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return text.contains("no space left") || text.contains("disk full") || text.contains("read-only file system");
    }
}
