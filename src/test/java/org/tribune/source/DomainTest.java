package org.tribune.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainTest {

    static String of(String text) {
        return Domain.of(text).map(Domain::name).orElse(null);
    }

    @Test
    void aLinkBelongsToItsRegistrableDomainInLowerCaseWithoutWww() {
        assertThat(of("https://www.TheOnion.com/story?id=1#top")).isEqualTo("theonion.com");
        assertThat(of("http://news.bbc.co.uk/world")).isEqualTo("bbc.co.uk");
        assertThat(of("WWW.Example.ORG.")).isEqualTo("example.org");
        assertThat(of("https://example.org:8443/x")).isEqualTo("example.org");
        assertThat(of("example.org")).isEqualTo("example.org");
        // Sites hosted under a shared suffix are each their own source.
        assertThat(of("https://alice.github.io/post")).isEqualTo("alice.github.io");
    }

    @Test
    void internationalNamesAreKeptInTheirAsciiForm() {
        assertThat(of("https://www.bücher.de/x")).isEqualTo("xn--bcher-kva.de");
        assertThat(of("xn--bcher-kva.de")).isEqualTo("xn--bcher-kva.de");
        assertThat(new Domain("xn--bcher-kva.de").readable()).isEqualTo("bücher.de");
    }

    @Test
    void garbageHasNoDomain() {
        for (String bad : new String[] {null, "", " ", "localhost", "co.uk", "com", "127.0.0.1", "https://[::1]/",
                "ftp://example.org/", "javascript:alert(1)", "exa mple.org", "-bad-.org", "a..b.org", "<script>.org",
                "x".repeat(300) + ".org"}) {
            assertThat(of(bad)).as(bad).isNull();
        }
    }

    @Test
    void sourcesMustBeWebAddresses() {
        assertThat(Labelling.isWebAddress("https://example.org/about")).isTrue();
        assertThat(Labelling.isWebAddress("http://bücher.de/")).isTrue();
        assertThat(Labelling.isWebAddress("javascript:alert(1)")).isFalse();
        assertThat(Labelling.isWebAddress("ftp://example.org/")).isFalse();
        assertThat(Labelling.isWebAddress("https://user@example.org/")).isFalse();
        assertThat(Labelling.isWebAddress("example.org")).isFalse();
        assertThat(Labelling.isWebAddress("https://example.org/" + "x".repeat(400))).isFalse();
    }
}
