package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tribune refuses to run on a PostgreSQL server that does not flush its writes to disk. */
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
    void postgresIsRecognisedByItsProductName() {
        org.assertj.core.api.Assertions.assertThat(Database.isPostgres("PostgreSQL")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Database.isPostgres("H2")).isFalse();
    }
}
