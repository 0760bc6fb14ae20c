package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Tribune refuses to run on a PostgreSQL server that does not flush its writes to disk, and makes H2 write each commit. */
class DurabilityCheckTest {

    @Test
    void fsyncOffStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> DurabilityCheck.require("off"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fsync = off")
                .hasMessageContaining("Set fsync = on in postgresql.conf");
    }

    @Test
    void anUnknownAnswerIsNotTakenForOn() {
        assertThatThrownBy(() -> DurabilityCheck.require(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DurabilityCheck.require("")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fsyncOnIsAccepted() {
        assertThatCode(() -> DurabilityCheck.require("on")).doesNotThrowAnyException();
        assertThatCode(() -> DurabilityCheck.require("ON")).doesNotThrowAnyException();
    }

    @Test
    void h2WithoutWriteDelayZeroIsSetToWriteEachCommit(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tribune") + ";DB_CLOSE_DELAY=-1";
        JdbcClient db = JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
        assertThat(DurabilityCheck.writeDelay(db)).as("H2's own default").isEqualTo("500");

        new DurabilityCheck(new Database(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "")), db);

        assertThat(DurabilityCheck.writeDelay(db)).isEqualTo("0");
    }

    @Test
    void postgresIsRecognisedByItsProductName() {
        org.assertj.core.api.Assertions.assertThat(Database.isPostgres("PostgreSQL")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Database.isPostgres("H2")).isFalse();
    }
}
