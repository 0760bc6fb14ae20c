package org.tribune.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a PostgreSQL server that runs with {@code fsync = off}: such a server loses committed data,
 * or corrupts the whole cluster, at the first power cut or kernel crash. That is a benchmark setting, never a
 * production one, and a community's posts must not depend on luck.
 */
@Component
class DurabilityCheck {

    DurabilityCheck(Database database, JdbcClient db) {
        if (database.isPostgres()) {
            require(db.sql("show fsync").query(String.class).single());
        }
    }

    /** Throws, saying what to do, when the server's {@code fsync} setting is not on. */
    static void require(String fsync) {
        if (!"on".equalsIgnoreCase(fsync == null ? "" : fsync.trim())) {
            throw new IllegalStateException("PostgreSQL runs with fsync = " + fsync + ": committed posts could be lost or"
                    + " the database corrupted by a crash. Tribune refuses to start. Set fsync = on in postgresql.conf"
                    + " (and keep synchronous_commit = on), reload PostgreSQL, then start Tribune again."
                    + " See docs/operations.md.");
        }
    }
}
