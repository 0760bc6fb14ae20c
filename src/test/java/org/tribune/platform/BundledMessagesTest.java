package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/** Remembered messages read the same as the bundles, in each language, the second time as the first. */
class BundledMessagesTest {
    private final MessageSource messages = new PlatformConfiguration().messageSource();

    @Test
    void eachLanguageReadsItsOwnBundleEveryTime() {
        for (int i = 0; i < 2; i++) {
            String en = messages.getMessage("layout.skip", null, Locale.ENGLISH);
            String fr = messages.getMessage("layout.skip", null, Locale.FRENCH);
            assertThat(en).isNotBlank();
            assertThat(fr).isNotBlank().isNotEqualTo(en);
            assertThat(messages.getMessage("layout.skip", null, Locale.GERMAN)).as("English when a language is missing").isEqualTo(en);
        }
    }

    @Test
    void anUnknownCodeIsStillUnknownAndArgumentsAreStillFormatted() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> messages.getMessage("no.such.code", null, Locale.ENGLISH))
                    .isInstanceOf(NoSuchMessageException.class);
            assertThat(messages.getMessage("no.such.code", null, "fallback", Locale.FRENCH)).isEqualTo("fallback");
            assertThat(messages.getMessage("password.too-short", new Object[] {12}, Locale.ENGLISH))
                    .isEqualTo("Your password needs at least 12 characters.");
        }
    }
}
