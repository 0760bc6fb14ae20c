package org.tribune.post.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The parts of link previews that need no server: addresses, page reading, pictures, freshness. */
class LinkPreviewUnitTest {
    private static final URI PAGE = URI.create("https://www.example.org/articles/1");

    @Test
    void addressesAreNormalisedForTheCache() {
        assertThat(WebAddress.parse("HTTPS://Example.ORG:443/a/b?x=1&y=2#part")).get()
                .extracting(WebAddress::normalised).isEqualTo("https://example.org/a/b?x=1&y=2");
        assertThat(WebAddress.parse("http://example.org")).get().extracting(WebAddress::normalised)
                .isEqualTo("http://example.org/");
        assertThat(WebAddress.parse("http://example.org:8080/x")).get().extracting(WebAddress::normalised)
                .isEqualTo("http://example.org:8080/x");
        assertThat(WebAddress.parse("http://[2001:DB8::1]/")).get().extracting(WebAddress::host, WebAddress::normalised)
                .containsExactly("2001:db8::1", "http://[2001:db8::1]/");
        assertThat(WebAddress.parse("https://bücher.example/")).get().extracting(WebAddress::host)
                .isEqualTo("xn--bcher-kva.example");
        assertThat(WebAddress.parse("https://example.org/x#a").get().hash())
                .isEqualTo(WebAddress.parse("https://EXAMPLE.org/x").get().hash()).hasSize(64);
    }

    @Test
    void onlyPlainWebAddressesAreValid() {
        for (String bad : new String[] {null, "", "  ", "example.org", "/relative", "ftp://example.org/",
                "javascript:alert(1)", "data:text/html,hi", "http://user@example.org/", "http://u:p@example.org/",
                "http:///nohost", "http://exa mple.org/", "http://example.org:0/", "http://example.org:99999/",
                "https://example.org/" + "x".repeat(1990)}) {
            assertThat(WebAddress.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(WebAddress.parse("https://example.org/" + "x".repeat(1980))).isPresent();
    }

    @Test
    void openGraphComesFirst() {
        String html = """
                <html><head><title>Plain title</title>
                <meta name="description" content="Plain description">
                <meta property="og:title" content="  The   OG title ">
                <meta property="og:description" content="OG description">
                <meta property="og:site_name" content="Example News">
                <meta property="og:image" content="/pictures/cover.jpg">
                </head><body></body></html>""";
        PageMetadata meta = PageMetadata.read(html.getBytes(StandardCharsets.UTF_8), "text/html", PAGE);
        assertThat(meta).isEqualTo(new PageMetadata("The OG title", "OG description", "Example News",
                "https://www.example.org/pictures/cover.jpg"));
    }

    @Test
    void titleAndMetaDescriptionAreTheFallbacksAndTheHostNamesTheSite() {
        String html = "<html><head><title>Only a title</title><META NAME=Description CONTENT='About it'>"
                + "<meta property='og:image' content='javascript:alert(1)'></head></html>";
        PageMetadata meta = PageMetadata.read(html.getBytes(StandardCharsets.UTF_8), "text/html", PAGE);
        assertThat(meta).isEqualTo(new PageMetadata("Only a title", "About it", "example.org", null));
    }

    @Test
    void theCharsetOfTheHeaderOrOfThePageIsUsed() {
        byte[] latin1 = "<title>Caf\u00e9 cr\u00e8me</title>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PageMetadata.read(latin1, "text/html; charset=ISO-8859-1", PAGE).title()).isEqualTo("Café crème");
        byte[] declared = "<meta charset=\"iso-8859-1\"><title>Caf\u00e9</title>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PageMetadata.read(declared, "text/html", PAGE).title()).isEqualTo("Café");
        assertThat(PageMetadata.charset("text/html; charset=no-such-thing")).isNull();
    }

    @Test
    void textsAreCleanedAndCutToTheirColumns() {
        String html = "<title>" + "T".repeat(400) + "</title><meta name=description content='"
                + "d\u0007e\u202Ef ".repeat(600) + "'><meta property=og:site_name content='" + "S".repeat(150) + "'>";
        PageMetadata meta = PageMetadata.read(html.getBytes(StandardCharsets.UTF_8), "text/html", PAGE);
        assertThat(meta.title()).hasSize(300).endsWith("\u2026");
        assertThat(meta.description()).hasSizeLessThanOrEqualTo(1000).startsWith("def def").doesNotContain("\u0007", "\u202E");
        assertThat(PageMetadata.clean("a\u0000b\uD800c\n\td", 10)).isEqualTo("abc d");
        assertThat(meta.siteName()).hasSize(100);
        String emoji = "\uD83D\uDE00".repeat(200); // never cut between the two halves of a character
        assertThat(PageMetadata.clean(emoji, 300)).hasSize(299).endsWith("\uD83D\uDE00\u2026");
    }

    @Test
    void picturesAreScaledAndReencodedWithoutTheirMetadata() throws IOException {
        byte[] jpeg = TestPictures.jpegWithExif(1200, 900, "GPS-SECRET-48.8566N");
        assertThat(TestPictures.contains(jpeg, "GPS-SECRET")).isTrue();
        assertThat(TestPictures.contains(jpeg, "Exif")).isTrue();

        Thumbnails.Thumbnail thumb = Thumbnails.of(jpeg).orElseThrow();

        assertThat(TestPictures.contains(thumb.jpeg(), "GPS-SECRET")).isFalse();
        assertThat(TestPictures.contains(thumb.jpeg(), "Exif")).isFalse();
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(thumb.jpeg()));
        assertThat(served.getWidth()).isEqualTo(600).isEqualTo(thumb.width());
        assertThat(served.getHeight()).isEqualTo(450).isEqualTo(thumb.height());

        byte[] png = TestPictures.pngWithText(300, 500, "PNG-SECRET");
        assertThat(TestPictures.contains(png, "PNG-SECRET")).isTrue();
        Thumbnails.Thumbnail fromPng = Thumbnails.of(png).orElseThrow();
        assertThat(TestPictures.contains(fromPng.jpeg(), "PNG-SECRET")).isFalse();
        assertThat(fromPng.jpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(fromPng.width()).isEqualTo(300);
        assertThat(fromPng.height()).isEqualTo(500);

        Thumbnails.Thumbnail gif = Thumbnails.of(TestPictures.write(TestPictures.drawing(2000, 100,
                BufferedImage.TYPE_INT_RGB), "gif")).orElseThrow();
        assertThat(gif.width()).isEqualTo(600);
        assertThat(gif.height()).isEqualTo(30);
    }

    @Test
    void brokenHugeOrForeignPicturesAreRefused() {
        assertThat(Thumbnails.of(new byte[] {1, 2, 3})).isEmpty();
        assertThat(Thumbnails.of("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Thumbnails.of(TestPictures.write(TestPictures.drawing(10, 10, BufferedImage.TYPE_INT_RGB), "bmp"))).isEmpty();
        assertThat(Thumbnails.of(TestPictures.pngClaiming(100_000, 100_000))).isEmpty();
        byte[] jpeg = TestPictures.jpegWithExif(100, 100, "x");
        assertThat(Thumbnails.of(java.util.Arrays.copyOf(jpeg, jpeg.length / 3))).satisfiesAnyOf(
                cut -> assertThat(cut).isEmpty(), cut -> assertThat(cut.get().width()).isEqualTo(100));
    }

    @Test
    void goodPreviewsLastAWeekAndFailuresADay() {
        Instant now = Instant.parse("2026-03-10T12:00:00Z");
        LinkPreview ok = preview(now.minus(Duration.ofDays(6)), LinkPreview.Status.OK);
        assertThat(LinkPreviews.isFresh(ok, now)).isTrue();
        assertThat(LinkPreviews.isFresh(preview(now.minus(Duration.ofDays(7)), LinkPreview.Status.OK), now)).isFalse();
        assertThat(LinkPreviews.isFresh(preview(now.minus(Duration.ofHours(23)), LinkPreview.Status.FAILED), now)).isTrue();
        assertThat(LinkPreviews.isFresh(preview(now.minus(Duration.ofHours(25)), LinkPreview.Status.FAILED), now)).isFalse();
        assertThat(LinkPreviews.isFresh(preview(now.minus(Duration.ofHours(25)), LinkPreview.Status.REFUSED), now)).isFalse();
    }

    @Test
    void switchedOffThereAreNoPreviewsButBadAddressesAreStillRefused() {
        // no fetcher and no database: switched off, neither is touched
        LinkPreviews off = new LinkPreviews(null, null, null, java.time.Clock.systemUTC(), false);
        assertThat(off.preview("https://example.org/")).isEmpty();
        assertThat(off.cached("https://example.org/")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> off.preview("javascript:alert(1)"))
                .isInstanceOf(org.tribune.platform.InvalidInput.class);
    }

    private static LinkPreview preview(Instant fetchedAt, LinkPreview.Status status) {
        return new LinkPreview("0".repeat(32), "https://example.org/", null, null, null, false, 0, 0, fetchedAt, status);
    }
}
