package org.tribune.platform;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the pool which failures leave a connection useless, beyond those it knows (PostgreSQL's SQLSTATE class 08):
 * an embedded H2 database closes itself after a failed write (a full disk) and every connection opened before is
 * dead, though its errors do not say so in SQLSTATE terms. Dropping them at once lets the next request open the
 * database again (H2 recovers its file on opening) instead of failing on a dead connection that the pool would
 * otherwise check only after it has been idle for half a second, which a busy node never is. Set as
 * {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class BrokenConnections implements SQLExceptionOverride {
    /** H2: 90098 database closed, 90121 closing, 90067 connection broken, 90028/90031 the file could not be read or written. */
    private static final Set<String> H2_DEAD = Set.of("90098", "90121", "90067", "90028", "90031");

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return failure.getSQLState() != null && H2_DEAD.contains(failure.getSQLState()) ? Override.MUST_EVICT
                : Override.CONTINUE_EVICT;
    }
}
