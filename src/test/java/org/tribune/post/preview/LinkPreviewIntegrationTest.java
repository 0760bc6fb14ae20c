package org.tribune.post.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/**
 * Link previews end to end, against a small site on 127.0.0.1 (allowed here only; production allows no host).
 */
@IntegrationTest
@TestPropertySource(properties = "tribune.previews.allowed-hosts=127.0.0.1")
class LinkPreviewIntegrationTest {
    static TestSite site;

    @LocalServerPort
    int port;
    @Autowired
    LinkPreviews previews;
    @Autowired
    JdbcClient db;
    @Autowired
    JteViews views;

    @BeforeAll
    static void startSite() throws IOException {
        site = new TestSite()
                .page("/article", """
                        <html><head><title>Not this</title>
                        <meta property="og:title" content="Rivers of Europe">
                        <meta property="og:description" content="A map of every river &amp; stream.">
                        <meta property="og:site_name" content="Atlas">
                        <meta property="og:image" content="/cover.jpg">
                        </head><body>Hello</body></html>""")
                .body("/cover.jpg", "image/jpeg", TestPictures.jpegWithExif(1600, 1200, "GPS-SECRET-48.8566N"))
                .page("/plain", """
                        <html><head><title>Just a title</title>
                        <meta name="description" content="And a description."></head></html>""")
                .page("/transparent", "<meta property=og:title content=Logo><meta property=og:image content=/logo.png>")
                .body("/logo.png", "image/png", TestPictures.pngWithText(200, 100, "PNG-SECRET"))
                .page("/cached", "<title>Cached</title>")
                .page("/weekly", "<title>Weekly</title>")
                .on("/broken", exchange -> TestSite.send(exchange, 500, "text/html", "down".getBytes()))
                .page("/no-picture", "<title>Lost picture</title><meta property=og:image content=/missing.jpg>")
                .page("/metadata-picture", "<title>Sneaky</title><meta property=og:image "
                        + "content='http://169.254.169.254/latest/meta-data/iam/security-credentials/'>");
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void openGraphTagsMakeThePreview() {
        LinkPreview preview = previews.preview(site.url("/article")).orElseThrow();

        assertThat(preview.status()).isEqualTo(LinkPreview.Status.OK);
        assertThat(preview.url()).isEqualTo(site.url("/article"));
        assertThat(preview.title()).isEqualTo("Rivers of Europe");
        assertThat(preview.description()).isEqualTo("A map of every river & stream.");
        assertThat(preview.siteName()).isEqualTo("Atlas");
        assertThat(preview.imageAvailable()).isTrue();
        assertThat(preview.imageWidth()).isEqualTo(600);
        assertThat(preview.imageHeight()).isEqualTo(450);
        assertThat(preview.imagePath()).isEqualTo("/previews/" + preview.id() + ".jpg");
        assertThat(previews.byId(preview.id())).contains(preview);
    }

    @Test
    void withoutOpenGraphTheTitleAndMetaDescriptionAreUsed() {
        LinkPreview preview = previews.preview(site.url("/plain")).orElseThrow();

        assertThat(preview.title()).isEqualTo("Just a title");
        assertThat(preview.description()).isEqualTo("And a description.");
        assertThat(preview.siteName()).isEqualTo("127.0.0.1");
        assertThat(preview.imageAvailable()).isFalse();
        assertThat(preview.imagePath()).isNull();
    }

    @Test
    void previewsAreCachedByAddress() {
        LinkPreview first = previews.preview(site.url("/cached")).orElseThrow();
        LinkPreview again = previews.preview(site.url("/cached")).orElseThrow();
        LinkPreview sameAddress = previews.preview("HTTP://127.0.0.1:" + site.port() + "/cached#comments").orElseThrow();

        assertThat(site.hits("/cached")).isEqualTo(1);
        assertThat(again).isEqualTo(first);
        assertThat(sameAddress).isEqualTo(first);
        assertThat(previews.cached(site.url("/cached"))).contains(first);
        assertThat(db.sql("select url_hash from link_preview where id = ?").param(first.id()).query(String.class).single())
                .isEqualTo(WebAddress.parse(site.url("/cached")).orElseThrow().hash());
    }

    @Test
    void aGoodPreviewIsFetchedAgainAfterAWeek() {
        LinkPreview first = previews.preview(site.url("/weekly")).orElseThrow();
        age(first, Duration.ofDays(6));
        assertThat(previews.preview(site.url("/weekly"))).get().extracting(LinkPreview::id).isEqualTo(first.id());
        assertThat(site.hits("/weekly")).isEqualTo(1);

        age(first, Duration.ofDays(8));
        LinkPreview refreshed = previews.preview(site.url("/weekly")).orElseThrow();

        assertThat(site.hits("/weekly")).isEqualTo(2);
        assertThat(refreshed.id()).isNotEqualTo(first.id());
        assertThat(previews.byId(first.id())).isEmpty();
    }

    @Test
    void failuresAreCachedForADay() {
        LinkPreview failed = previews.preview(site.url("/broken")).orElseThrow();
        assertThat(failed.status()).isEqualTo(LinkPreview.Status.FAILED);
        assertThat(failed.isShown()).isFalse();
        assertThat(failed.title()).isNull();
        assertThat(previews.preview(site.url("/broken"))).contains(failed);
        assertThat(site.hits("/broken")).isEqualTo(1);

        age(failed, Duration.ofHours(25));
        assertThat(previews.preview(site.url("/broken"))).get().extracting(LinkPreview::status)
                .isEqualTo(LinkPreview.Status.FAILED);
        assertThat(site.hits("/broken")).isEqualTo(2);
    }

    @Test
    void refusedAddressesAreCachedAsRefused() {
        String privateAddress = "http://10.11.12.13/admin";
        LinkPreview refused = previews.preview(privateAddress).orElseThrow();

        assertThat(refused.status()).isEqualTo(LinkPreview.Status.REFUSED);
        assertThat(previews.cached(privateAddress)).contains(refused);
        assertThat(previews.preview("http://example.org:8080/")).get().extracting(LinkPreview::status)
                .isEqualTo(LinkPreview.Status.REFUSED);
    }

    @Test
    void aPictureThatCannotBeFetchedLeavesAPreviewWithoutPicture() {
        LinkPreview preview = previews.preview(site.url("/no-picture")).orElseThrow();
        assertThat(preview.status()).isEqualTo(LinkPreview.Status.OK);
        assertThat(preview.title()).isEqualTo("Lost picture");
        assertThat(preview.imageAvailable()).isFalse();
        assertThat(preview.imageWidth()).isZero();
    }

    @Test
    void aPictureOnAPrivateAddressIsNeverFetched() {
        // 169.254.169.254 is refused before any connection: were it not, this test would wait for a timeout
        // and the preview would still have no picture, so the time is checked too.
        long start = System.nanoTime();
        LinkPreview preview = previews.preview(site.url("/metadata-picture")).orElseThrow();
        assertThat(preview.status()).isEqualTo(LinkPreview.Status.OK);
        assertThat(preview.imageAvailable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void badAddressesAreInvalidInput() {
        for (String bad : new String[] {"javascript:alert(1)", "ftp://example.org/", "http://user:pw@example.org/",
                "example.org", "https://example.org/" + "x".repeat(2000)}) {
            assertThatThrownBy(() -> previews.preview(bad)).as(bad).isInstanceOfSatisfying(InvalidInput.class, e -> {
                assertThat(e.problems().getFirst().field()).isEqualTo("link");
                assertThat(e.problems().getFirst().code()).isEqualTo("post.link-invalid");
                assertThat(e.problems().getFirst().args()).containsExactly(2000);
            });
        }
    }

    @Test
    void picturesAreServedFromOurOriginWithoutTheirMetadata() throws Exception {
        LinkPreview preview = previews.preview(site.url("/article")).orElseThrow();
        // Visitors (no session) load it, as readers' browsers do.
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + preview.imagePath())).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache)
                .contains("max-age=31536000").contains("public").contains("immutable").doesNotContain("no-store"));
        byte[] served = response.body();
        assertThat(served).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(TestPictures.contains(served, "GPS-SECRET")).isFalse();
        assertThat(TestPictures.contains(served, "Exif")).isFalse();
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(picture.getWidth()).isEqualTo(preview.imageWidth());
        assertThat(picture.getHeight()).isEqualTo(preview.imageHeight());

        LinkPreview logo = previews.preview(site.url("/transparent")).orElseThrow();
        WebClient.Response png = new WebClient(port).get(logo.imagePath());
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.body()).doesNotContain("PNG-SECRET").doesNotContain("tEXt");
    }

    @Test
    void unknownPicturesAreNotFound() {
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/previews/0123456789abcdef0123456789abcdef.jpg").status()).isEqualTo(404);
        assertThat(visitor.get("/previews/not-an-id.jpg").status()).isEqualTo(404);
        assertThat(visitor.get("/previews/0123456789abcdef0123456789abcdef.png").status()).isEqualTo(404);
        LinkPreview withoutPicture = previews.preview(site.url("/plain")).orElseThrow();
        assertThat(visitor.get("/previews/" + withoutPicture.id() + ".jpg").status()).isEqualTo(404);
    }

    @Test
    void theCardEscapesWhatTheSiteSaid() throws IOException {
        LinkPreview hostile = new LinkPreview("0123456789abcdef0123456789abcdef", "https://example.org/?a=1&b=\"2\"",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "Site & <b>Co</b>", true, 600, 315,
                Instant.now(), LinkPreview.Status.OK);

        String html = render(hostile);

        assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x").doesNotContain("<b>Co");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("Site &amp; &lt;b&gt;Co&lt;/b&gt;");
        assertThat(html).contains("href=\"https://example.org/?a=1&amp;b=&#34;2&#34;\"")
                .contains("rel=\"nofollow noopener noreferrer ugc\"");
        assertThat(html).contains("src=\"/previews/0123456789abcdef0123456789abcdef.jpg\"")
                .contains("width=\"600\"").contains("height=\"315\"")
                .contains("alt=\"Picture from Site &amp; &lt;b>Co&lt;/b>\"");

        LinkPreview failed = new LinkPreview("0123456789abcdef0123456789abcdef", "https://example.org/", null, null,
                null, false, 0, 0, Instant.now(), LinkPreview.Status.FAILED);
        assertThat(render(failed)).isBlank();
    }

    private String render(LinkPreview preview) throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        views.render("tag/link-preview.jte", Map.of("preview", preview), new MockHttpServletRequest(), response);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void age(LinkPreview preview, Duration age) {
        db.sql("update link_preview set fetched_at = ? where url = ?")
                .params(Timestamp.from(Instant.now().minus(age)), preview.url()).update();
    }
}
