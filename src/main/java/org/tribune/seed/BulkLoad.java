package org.tribune.seed;

import java.sql.Connection;
import java.sql.SQLException;

/** Writes many rows into one table at a time, as fast as the database allows. */
interface BulkLoad {
    /** Rows for {@code table}, values in the order of {@code columns}; closing the writer commits them. */
    Rows into(String table, String... columns) throws SQLException;

    interface Rows extends AutoCloseable {
        void row(Object... values) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** COPY on PostgreSQL (many times faster than inserts), JDBC batches on anything else (H2). */
    static BulkLoad on(Connection connection, Progress progress) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? new CopyLoad(connection, progress)
                : new BatchLoad(connection, progress);
    }
}
