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

    @Test
    void countsReadAsTheBundlesFormatThemInEachLanguageEvenOnceTheMemoryStartsAgain() {
        org.springframework.context.support.ResourceBundleMessageSource plain = new org.springframework.context.support.ResourceBundleMessageSource();
        plain.setBasename("i18n/messages");
        plain.setDefaultEncoding("UTF-8");
        plain.setFallbackToSystemLocale(false);
        plain.setDefaultLocale(Locale.ENGLISH);
        assertThat(messages.getMessage("post.like-count", new Object[] {0}, Locale.ENGLISH)).isEqualTo("no likes");
        assertThat(messages.getMessage("post.like-count", new Object[] {1}, Locale.ENGLISH)).isEqualTo("1 like");
        assertThat(messages.getMessage("post.like-count", new Object[] {1234}, Locale.ENGLISH)).isEqualTo("1,234 likes");
        for (int round = 0; round < 2; round++) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
                for (String code : new String[] {"post.like-count", "post.comment-count"}) {
                    for (long n : new long[] {0, 1, 2, 17, 1234, 1_000_000}) {
                        Object count = n % 2 == 0 ? (Object) n : (Object) (int) n;
                        assertThat(messages.getMessage(code, new Object[] {count}, locale)).as("%s %s %d", code, locale, n)
                                .isEqualTo(plain.getMessage(code, new Object[] {count}, locale));
                    }
                }
            }
        }
        // more numbers than are kept: the memory starts again, and still reads the same
        for (int n = 0; n < BundledMessages.COUNTS_KEPT + 10; n += 1) {
            if (n % 9_973 == 0 || n > BundledMessages.COUNTS_KEPT) {
                assertThat(messages.getMessage("post.like-count", new Object[] {n}, Locale.FRENCH))
                        .isEqualTo(plain.getMessage("post.like-count", new Object[] {n}, Locale.FRENCH));
            } else {
                messages.getMessage("post.like-count", new Object[] {n}, Locale.FRENCH);
            }
        }
        assertThat(messages.getMessage("no.such.count", new Object[] {3}, "fallback {0}", Locale.ENGLISH)).isEqualTo("fallback 3");
    }
}
