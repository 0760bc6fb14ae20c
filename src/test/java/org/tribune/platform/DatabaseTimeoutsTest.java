package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The PostgreSQL driver gets bounded connect and read timeouts, unless the URL chooses; other databases are left alone. */
class DatabaseTimeoutsTest {

    @Test
    void postgresGetsBothTimeoutsInSeconds() {
        Properties driver = new Properties();
        DatabaseTimeouts.apply("jdbc:postgresql://db:5432/tribune", driver, Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(driver).containsEntry("connectTimeout", "5").containsEntry("socketTimeout", "300");
    }

    @Test
    void theUrlWinsAndOtherDatabasesAreLeftAlone() {
        Properties driver = new Properties();
        DatabaseTimeouts.apply("jdbc:postgresql://db:5432/tribune?socketTimeout=0", driver, Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(driver).containsEntry("connectTimeout", "5").doesNotContainKey("socketTimeout");
        Properties h2 = new Properties();
        DatabaseTimeouts.apply("jdbc:h2:file:./data/tribune", h2, Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(h2).isEmpty();
    }
}
