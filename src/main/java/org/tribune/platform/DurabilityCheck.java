package org.tribune.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a PostgreSQL server that runs with {@code fsync = off}: such a server loses committed data,
 * or corrupts the whole cluster, at the first power cut or kernel crash. That is a benchmark setting, never a
 * production one, and a community's posts must not depend on luck.
 * <p>
 * On H2, makes sure that each commit is written to the file before it is acknowledged ({@code WRITE_DELAY 0}).
 * H2's default keeps commits in memory for up to 500 ms; a process killed then loses them (measured: thousands of
 * acknowledged rows per kill). The default URL says so already; an operator's own H2 URL may not.
 */
@Component
class DurabilityCheck {
    private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

    DurabilityCheck(Database database, JdbcClient db) {
        if (database.isPostgres()) {
            require(db.sql("show fsync").query(String.class).single());
        } else if (!"0".equals(writeDelay(db))) {
            log.info("H2 was opened with WRITE_DELAY {}: setting it to 0, so that every commit reaches the file "
                    + "before it is acknowledged (add ;WRITE_DELAY=0 to TRIBUNE_DATABASE_URL)", writeDelay(db));
            db.sql("set write_delay 0").update();
        }
    }

    /**
     * How long H2 may keep a commit before writing it, in milliseconds. H2 lists the value in force and, once a
     * {@code SET} stored one, that one too: the longest counts.
     */
    static String writeDelay(JdbcClient db) {
        return db.sql("select setting_value from information_schema.settings where upper(setting_name) = 'WRITE_DELAY'")
                .query(String.class).list().stream().map(String::trim).max(java.util.Comparator.comparingLong(Long::parseLong))
                .orElse("0");
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
