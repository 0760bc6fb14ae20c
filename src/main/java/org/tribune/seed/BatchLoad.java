package org.tribune.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;

/** Prepared inserts sent a thousand at a time: H2 has no COPY, and this keeps it to one round trip per batch. */
final class BatchLoad implements BulkLoad {
    private static final int BATCH = 1000;

    private final Connection connection;
    private final Progress progress;

    BatchLoad(Connection connection, Progress progress) {
        this.connection = connection;
        this.progress = progress;
    }

    @Override
    public Rows into(String table, String... columns) throws SQLException {
        PreparedStatement insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                + ") values (" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")");
        return new Rows() {
            private int pending;

            @Override
            public void row(Object... values) throws SQLException {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i] instanceof Instant instant ? Timestamp.from(instant) : values[i]);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    flush();
                }
            }

            private void flush() throws SQLException {
                insert.executeBatch();
                connection.commit();
                progress.add(pending);
                pending = 0;
            }

            @Override
            public void close() throws SQLException {
                flush();
                insert.close();
            }
        };
    }
}
