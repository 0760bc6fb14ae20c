package org.tribune.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * A server must hold its embedded database itself. Opened for online backups ({@link OnlineBackups}), an H2 file
 * already held by another process is reached through that process instead of failing: a second Tribune started on
 * the same data directory would then run on the first one's database, and lose it when the first stops. It is
 * refused, as it was before backups were online.
 */
@Component
class EmbeddedDatabaseOwner {

    EmbeddedDatabaseOwner(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (url != null && url.startsWith("jdbc:h2:file:") && isThroughAnotherProcess(connection)) {
                throw heldElsewhere(url);
            }
        }
    }

    static boolean isThroughAnotherProcess(Connection connection) throws SQLException {
        return connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class)
                && connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionRemote;
    }

    static DataDirectory.Unusable heldElsewhere(String url) {
        String file = InterruptSafeDatabase.filePath(url);
        Path directory = Path.of(file).toAbsolutePath().normalize().getParent();
        return new DataDirectory.Unusable(directory, "its database is already open in another running Tribune",
                "Each Tribune server needs the embedded database to itself. Stop the other server that uses " + directory
                        + " (or give this one its own TRIBUNE_DATA_DIR), then start this one again. For several nodes,"
                        + " use PostgreSQL (docs/operations.md).");
    }
}
