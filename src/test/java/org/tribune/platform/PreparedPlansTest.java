package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;

/** On PostgreSQL statements are prepared from their first use and planned generically; other databases are untouched. */
@IntegrationTest
class PreparedPlansTest {
    @Autowired
    Database database;
    @Autowired
    JdbcClient db;

    @Test
    void aPostgresPoolPreparesAtOnceAndPlansGenerically() {
        Properties properties = new Properties();
        PreparedPlans.apply("jdbc:postgresql://127.0.0.1:5432/tribune", properties);
        assertThat(properties).containsEntry("prepareThreshold", "1")
                .containsEntry("options", "-c plan_cache_mode=force_generic_plan");
    }

    @Test
    void parametersWrittenInTheUrlWin() {
        Properties properties = new Properties();
        PreparedPlans.apply("jdbc:postgresql://db/tribune?prepareThreshold=0&options=-c%20statement_timeout%3D5000", properties);
        assertThat(properties).isEmpty();
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        Properties properties = new Properties();
        PreparedPlans.apply("jdbc:h2:file:./data/tribune;MODE=PostgreSQL", properties);
        PreparedPlans.apply(null, properties);
        assertThat(properties).isEmpty();
    }

    @Test
    void theRunningPoolHasIt() {
        if (database.isPostgres()) {
            assertThat(db.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_generic_plan");
        } else {
            assertThat(db.sql("select 1").query(Integer.class).single()).isEqualTo(1); // H2 started without the properties
        }
    }
}
