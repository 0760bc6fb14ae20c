package org.tribune;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;


/**
 * Points the application under test at the database chosen by the {@code tribune.test.database} system property:
 * an in-memory H2 in PostgreSQL mode, or a fresh database on the PostgreSQL server of
 * {@code tribune.test.postgres.url}. One database per test run, shared by all test contexts; dropped at the end.
 */
public final class TestDatabase {
    private static final String KIND = System.getProperty("tribune.test.database", "h2");
    private static Map<String, Object> settings;

    public static boolean isPostgres() {
        return "postgres".equals(KIND);
    }

    private TestDatabase() {
    }

    /** The database shared by this run, or a new one for a test that needs to start from nothing. */
    public static synchronized Map<String, Object> settings(boolean fresh) {
        if (fresh) {
            return isPostgres() ? postgres() : h2();
        }
        if (settings == null) {
            settings = isPostgres() ? postgres() : h2();
        }
        return settings;
    }

    private static Map<String, Object> h2() {
        String name = "tribune_" + UUID.randomUUID().toString().replace("-", "");
        return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }

    private static Map<String, Object> postgres() {
        String adminUrl = System.getProperty("tribune.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("tribune.test.postgres.user", "postgres");
        String password = System.getProperty("tribune.test.postgres.password", "");
        String name = "tribune_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement sql = admin.createStatement()) {
            dropLeftovers(sql);
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL run of the tests needs a server at " + adminUrl + " (user "
                    + user + "): " + e.getMessage() + ". Start PostgreSQL, set -Dtribune.test.postgres.url=..., or skip "
                    + "this run with -Dtribune.test.postgres.skip=true (CI never skips it).", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(adminUrl, user, password, name)));
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return Map.of("spring.datasource.url", url, "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    /** Databases of earlier runs whose JVM was killed before it could drop them. */
    private static void dropLeftovers(Statement sql) throws SQLException {
        java.util.List<String> stale = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = sql.executeQuery("select datname from pg_database where datname like 'tribune_test_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                try {
                    long pid = Long.parseLong(parts[2]);
                    if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                        stale.add(rs.getString(1));
                    }
                } catch (RuntimeException notOurs) {
                    // a name of another shape is left alone
                }
            }
        }
        for (String name : stale) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }

    /**
     * Runs in a shutdown hook, beside Spring's hooks that close the cached test contexts. Dropping at once would cut
     * those contexts off from their database while they still write on closing, and each would then wait on its pool
     * before giving up; so the drop waits, for a bounded time, until they have let go of their connections.
     */
    private static void drop(String adminUrl, String user, String password, String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement sql = admin.createStatement()) {
            long giveUpAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (connectionsTo(sql, name) > 0 && System.nanoTime() < giveUpAt) {
                Thread.sleep(100);
            }
            sql.execute("drop database if exists " + name + " with (force)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static int connectionsTo(Statement sql, String name) throws SQLException {
        try (java.sql.ResultSet rs = sql.executeQuery(
                "select count(*) from pg_stat_activity where datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
