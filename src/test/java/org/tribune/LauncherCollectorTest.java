package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The launcher runs the server with the parallel collector unless TRIBUNE_JAVA_OPTS names one, and its heap in huge
 * pages where the kernel lends them unless TRIBUNE_JAVA_OPTS names a page size (docs/operations.md, "Memory and the
 * collector"): its own lines that decide it, run by bash with each setting.
 */
class LauncherCollectorTest {

    private static String decision() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("tribune"));
        int from = lines.indexOf("names_collector() {");
        int to = -1;
        for (int i = from; i < lines.size() && from >= 0; i++) {
            if (lines.get(i).startsWith("names_page_size ||")) {
                to = i;
                break;
            }
        }
        assertThat(from).as("the launcher decides the collector in names_collector").isNotNegative();
        assertThat(to).isGreaterThan(from);
        return String.join("\n", lines.subList(from, to + 1));
    }

    /** TRIBUNE_JAVA_OPTS as the launcher leaves it, from the given value (null: not set at all), without huge pages. */
    private static String optionsFrom(String given) throws Exception {
        return optionsFrom(given, "always madvise [never]");
    }

    /** The same where the kernel's setting of transparent huge pages reads {@code hugePages} (null: no such file). */
    private static String optionsFrom(String given, String hugePages) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", decision() + "\nprintf '%s' \"${TRIBUNE_JAVA_OPTS:-}\"");
        bash.environment().remove("TRIBUNE_JAVA_OPTS");
        Path setting = Files.createTempFile("thp", ".txt");
        if (hugePages == null) {
            Files.delete(setting);
        } else {
            Files.writeString(setting, hugePages + "\n");
        }
        bash.environment().put("TRIBUNE_THP_SETTING", setting.toString());
        if (given != null) {
            bash.environment().put("TRIBUNE_JAVA_OPTS", given);
        }
        Process process = bash.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        Files.deleteIfExists(setting);
        return out;
    }

    @Test
    void withoutACollectorNamedTheParallelOneIsAdded() throws Exception {
        assertThat(optionsFrom(null)).isEqualTo("-XX:+UseParallelGC");
        assertThat(optionsFrom("")).isEqualTo("-XX:+UseParallelGC");
        assertThat(optionsFrom("-Xmx1g -XX:+UseStringDeduplication")).isEqualTo("-XX:+UseParallelGC -Xmx1g -XX:+UseStringDeduplication");
    }

    @Test
    void aCollectorNamedIsKeptAlone() throws Exception {
        assertThat(optionsFrom("-Xmx4g -XX:+UseG1GC")).isEqualTo("-Xmx4g -XX:+UseG1GC");
        assertThat(optionsFrom("-XX:+UseZGC")).isEqualTo("-XX:+UseZGC");
        assertThat(optionsFrom("-XX:+UseSerialGC -Xmx256m")).isEqualTo("-XX:+UseSerialGC -Xmx256m");
    }

    @Test
    void theHeapTakesHugePagesWhereTheKernelLendsThem() throws Exception {
        assertThat(optionsFrom(null, "always [madvise] never")).isEqualTo("-XX:+UseParallelGC -XX:+UseTransparentHugePages");
        assertThat(optionsFrom("-Xmx1g", "[always] madvise never")).isEqualTo("-XX:+UseParallelGC -Xmx1g -XX:+UseTransparentHugePages");
        assertThat(optionsFrom("-XX:+UseG1GC", "always [madvise] never")).isEqualTo("-XX:+UseG1GC -XX:+UseTransparentHugePages");
    }

    @Test
    void noHugePagesWhereTheKernelLendsNoneOrTheOptionsNameAPageSize() throws Exception {
        assertThat(optionsFrom(null, "always madvise [never]")).isEqualTo("-XX:+UseParallelGC");
        assertThat(optionsFrom(null, null)).isEqualTo("-XX:+UseParallelGC");
        assertThat(optionsFrom("-XX:-UseTransparentHugePages", "[always] madvise never"))
                .isEqualTo("-XX:+UseParallelGC -XX:-UseTransparentHugePages");
        assertThat(optionsFrom("-XX:+UseLargePages -Xmx8g", "always [madvise] never"))
                .isEqualTo("-XX:+UseParallelGC -XX:+UseLargePages -Xmx8g");
    }
}
