package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;
import org.tribune.TestSettings;
import org.tribune.TribuneApplication;

/**
 * A data directory Tribune cannot write to stops the start with one clear report naming the directory and what to
 * do, before the database is opened.
 */
class DataDirectoryTest {

    @Test
    void aWritableDirectoryWithRoomIsAcceptedAndLeftClean() throws Exception {
        Path dir = Files.createTempDirectory("tribune-data").resolve("new");
        DataDirectory.check(dir, 1);
        assertThat(dir).isDirectory();
        assertThat(dir.resolve(DataDirectory.PROBE)).doesNotExist();
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsRefusedByName() throws Exception {
        Path file = Files.createTempFile("tribune-data", ".txt");
        Path under = file.resolve("data");
        assertThatThrownBy(() -> DataDirectory.check(under, 1))
                .isInstanceOfSatisfying(DataDirectory.Unusable.class, e -> {
                    assertThat(e.directory()).isEqualTo(under.toAbsolutePath());
                    assertThat(e.getMessage()).contains(under.toAbsolutePath().toString()).contains("cannot be created");
                });
        assertThatThrownBy(() -> DataDirectory.check(file, 1))
                .isInstanceOf(DataDirectory.Unusable.class).hasMessageContaining("not a directory");
    }

    /** /proc/self: a directory in which nobody, root included, can create a file, as on a read-only mount. */
    @Test
    void aDirectoryThatTakesNoWritesIsRefused() {
        Path readOnly = Path.of("/proc/self");
        assertThat(readOnly).isDirectory();
        assertThatThrownBy(() -> DataDirectory.check(readOnly, 1))
                .isInstanceOf(DataDirectory.Unusable.class).hasMessageContaining("nothing can be written in it");
    }

    @Test
    void aNearlyFullDiskIsRefusedSayingHowMuchIsFree() throws Exception {
        Path dir = Files.createTempDirectory("tribune-data");
        assertThatThrownBy(() -> DataDirectory.check(dir, Long.MAX_VALUE))
                .isInstanceOf(DataDirectory.Unusable.class).hasMessageContaining("nearly full").hasMessageContaining("MB free");
    }

    @Test
    void theStartStopsBeforeTheDatabaseWithAReportThatSaysWhatToDo() throws Exception {
        Path file = Files.createTempFile("tribune-data", ".txt");
        Path under = file.resolve("data");
        SpringApplicationBuilder start = new SpringApplicationBuilder(TribuneApplication.class)
                .initializers(new TestSettings(), context -> context.getEnvironment().getPropertySources().addFirst(
                        new MapPropertySource("unusable-data-dir", Map.of("tribune.data-dir", under.toString(),
                                "server.port", 0))));
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(start::run);
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(DataDirectory.Unusable.class);
        FailureAnalysis report = new DataDirectoryFailureAnalyzer().analyze(failure);
        assertThat(report.getDescription()).contains(under.toAbsolutePath().toString());
        assertThat(report.getAction()).contains("TRIBUNE_DATA_DIR").contains("writable");
    }
}
