package org.tribune.seed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** PostgreSQL's COPY in text format, streamed in chunks of about a megabyte. */
final class CopyLoad implements BulkLoad {
    private static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final Progress progress;

    CopyLoad(Connection connection, Progress progress) {
        this.connection = connection;
        this.progress = progress;
    }

    @Override
    public Rows into(String table, String... columns) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
        return new Rows() {
            private final StringBuilder text = new StringBuilder(CHUNK + 4096);
            private long pending;

            @Override
            public void row(Object... values) throws SQLException {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    append(values[i]);
                }
                text.append('\n');
                pending++;
                if (text.length() >= CHUNK) {
                    flush();
                }
            }

            private void append(Object value) {
                switch (value) {
                    case null -> text.append("\\N");
                    case Boolean b -> text.append(b ? 't' : 'f');
                    case Instant instant -> text.append(instant);
                    case Number n -> text.append(n);
                    default -> {
                        String s = value.toString();
                        for (int i = 0; i < s.length(); i++) {
                            char c = s.charAt(i);
                            switch (c) {
                                case '\\' -> text.append("\\\\");
                                case '\t' -> text.append("\\t");
                                case '\n' -> text.append("\\n");
                                case '\r' -> text.append("\\r");
                                default -> text.append(c);
                            }
                        }
                    }
                }
            }

            private void flush() throws SQLException {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                text.setLength(0);
                progress.add(pending);
                pending = 0;
            }

            @Override
            public void close() throws SQLException {
                flush();
                copy.endCopy();
                connection.commit();
            }
        };
    }
}
