package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Opening the embedded database for online backups must not let a second server run on a database another process
 * holds: it is refused with a report naming the directory, and accepted once the other process is gone.
 */
class EmbeddedDatabaseOwnerTest {

    @Test
    void aServerRefusesAnEmbeddedDatabaseThatAnotherProcessHolds() throws Exception {
        Path dir = Files.createTempDirectory("tribune-owner");
        String url = Backups.online("jdbc:h2:file:" + dir.resolve("tribune") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HeldDatabase.class.getName(), url).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream()));
            String line;
            while ((line = output.readLine()) != null && !line.equals("held")) {
                // H2 or JVM chatter before the database is held
            }
            assertThat(line).as("the other process holds the database").isEqualTo("held");
            DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
            assertThatThrownBy(() -> new EmbeddedDatabaseOwner(dataSource))
                    .isInstanceOfSatisfying(DataDirectory.Unusable.class, e -> {
                        assertThat(e.getMessage()).contains(dir.toString()).contains("already open in another running Tribune");
                        assertThat(e.action()).contains("TRIBUNE_DATA_DIR");
                    });
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        new EmbeddedDatabaseOwner(dataSource); // held here now: accepted
        try (Connection connection = dataSource.getConnection()) {
            assertThat(EmbeddedDatabaseOwner.isThroughAnotherProcess(connection)).isFalse();
            connection.createStatement().execute("shutdown");
        }
    }
}
