package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** What a page's helpers print is what the language's own formats print, however often a page asks. */
class PageTest {

    @Test
    void timesAreTheLanguagesMediumDateAndShortTimeInTheReadersZone() {
        List<Instant> instants = List.of(Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-12-31T23:59:59Z"),
                Instant.parse("2024-02-29T12:00:00Z"));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.CANADA_FRENCH, Locale.UK)) {
            for (ZoneId zone : List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("America/Montreal"))) {
                Page page = page(locale, zone);
                for (Instant instant : instants) {
                    String expected = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(locale).withZone(zone).format(instant);
                    assertThat(page.time(instant)).as("%s in %s", locale, zone).isEqualTo(expected);
                }
                assertThat(page.time(null)).isEmpty();
            }
        }
    }

    private static Page page(Locale locale, ZoneId zone) {
        return new Page(new StaticMessageSource(), locale, zone, null, null, "/", "/", null, null, null, null, null);
    }
}
