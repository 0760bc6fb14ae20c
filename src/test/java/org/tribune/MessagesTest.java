package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Tribune speaks English and French: both files say the same things, and every key a template uses exists. */
class MessagesTest {

    static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessagesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Properties en = load("en");
        Properties fr = load("fr");
        assertThat(new TreeSet<>(fr.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        // Properties keep the last of two definitions silently; a second feature reusing a key would change the first's text.
        for (String language : new String[] {"en", "fr"}) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/i18n/messages_" + language + ".properties"))) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=") && !seen.add(line.substring(0, line.indexOf('=')).strip())) {
                    twice.add(line.substring(0, line.indexOf('=')).strip());
                }
            }
            assertThat(twice).as(language).isEmpty();
        }
    }

    @Test
    void noMessageIsEmptyOrUntranslatedPlaceholder() throws IOException {
        for (String language : new String[] {"en", "fr"}) {
            Properties messages = load(language);
            for (String key : messages.stringPropertyNames()) {
                assertThat(messages.getProperty(key)).as(language + ":" + key).isNotBlank().doesNotContain("TODO");
            }
        }
    }

    @Test
    void messagesWithArgumentsUseTypographicApostrophes() throws IOException {
        // In a message with {0}, a plain ' starts a MessageFormat quote and swallows the rest.
        for (String language : new String[] {"en", "fr"}) {
            Properties messages = load(language);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (text.contains("{0}")) {
                    assertThat(text).as(language + ":" + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyLiteralKeyUsedInTemplatesExists() throws IOException {
        Properties en = load("en");
        Pattern literal = Pattern.compile("page\\.t\\(\"([a-z0-9.\\-]+)\"\\s*[,)]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
