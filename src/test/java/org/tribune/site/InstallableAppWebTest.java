package org.tribune.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

import tools.jackson.databind.JsonNode;

/** The manifest, the service worker and the offline page are served as browsers need them, and the CSP allows them. */
@IntegrationTest
class InstallableAppWebTest {
    @LocalServerPort
    int port;

    @Test
    void theManifestNamesTheAppAndItsIconsInTheReadersLanguage() {
        WebClient visitor = new WebClient(port);
        WebClient.Response manifest = visitor.get("/manifest.webmanifest", "Accept-Language", "fr");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Content-Type")).startsWith("application/manifest+json");
        JsonNode json = manifest.json();
        assertThat(json.get("name").asString()).isEqualTo("Tribune");
        assertThat(json.get("start_url").asString()).isEqualTo("/");
        assertThat(json.get("display").asString()).isEqualTo("standalone");
        assertThat(json.get("description").asString()).contains("réseau social");
        boolean maskable = false;
        for (JsonNode icon : json.get("icons")) {
            String src = icon.get("src").asString();
            assertThat(src).as("icons are ours").startsWith("/img/");
            WebClient.Bytes file = visitor.getBytes(src);
            assertThat(file.status()).as(src).isEqualTo(200);
            if (icon.get("type").asString().equals("image/png")) {
                assertThat(file.header("Content-Type")).as(src).isEqualTo("image/png");
                int side = Integer.parseInt(icon.get("sizes").asString().split("x")[0]);
                // PNG header: width and height are the big-endian ints at bytes 16 and 20.
                assertThat(java.nio.ByteBuffer.wrap(file.body(), 16, 8).getInt()).as(src).isEqualTo(side);
            }
            maskable |= icon.get("purpose").asString().equals("maskable");
        }
        assertThat(maskable).isTrue();
        assertThat(json.get("icons").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theServiceWorkerIsJavaScriptFromTheRootRevalidatedEachTime() {
        WebClient.Response worker = new WebClient(port).get("/sw.js");
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.header("Content-Type")).startsWith("text/javascript");
        assertThat(worker.header("Cache-Control")).contains("no-cache");
        assertThat(worker.body()).contains("'/offline'").contains("respondWith")
                .as("never caches API answers or pages").doesNotContain("'/api");
    }

    @Test
    void theContentSecurityPolicyAllowsTheWorkerAndTheManifestFromOurOwnOriginOnly() {
        WebClient visitor = new WebClient(port);
        for (String path : new String[] {"/", "/sw.js", "/manifest.webmanifest", "/offline"}) {
            String csp = visitor.get(path).header("Content-Security-Policy");
            assertThat(csp).as(path).contains("worker-src 'self'").contains("manifest-src 'self'")
                    .contains("script-src 'self'").doesNotContain("unsafe").doesNotContain("http");
        }
        String home = visitor.get("/").body();
        assertThat(home).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">")
                .contains("<script src=\"/js/app.js\" defer></script>");
    }

    @Test
    void theOfflinePageSpeaksBothLanguagesAndHoldsNothingPersonal() {
        WebClient.Response english = new WebClient(port).get("/offline");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("<html lang=\"en\"").contains("You are offline").contains("Pas de connexion")
                .doesNotContain("/logout");
        WebClient.Response french = new WebClient(port).get("/offline?lang=fr");
        assertThat(french.body()).contains("<html lang=\"fr\"").contains("<h1>Pas de connexion</h1>");
    }
}
