package org.tribune.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which engine this node runs on. One node on H2 keeps node-local shortcuts (buckets in memory, live updates in
 * memory); PostgreSQL means other nodes may share the database, so shared state must live there.
 */
@Component
public class Database {
    private final boolean postgres;
    private final String url;

    Database(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = isPostgres(connection.getMetaData().getDatabaseProductName());
            this.url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    static boolean isPostgres(String productName) {
        return productName != null && productName.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** The JDBC URL this node uses, for tools that need their own connection (live updates, backups). */
    public String url() {
        return url;
    }
}
