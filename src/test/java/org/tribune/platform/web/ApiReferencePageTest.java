package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;

import tools.jackson.databind.JsonNode;

/**
 * {@code /api/docs} is the reference of every operation and schema of the live OpenAPI document, as a page of the
 * site: under its strict Content-Security-Policy, in the reader's language, with the signed-in reader's header.
 */
@IntegrationTest
class ApiReferencePageTest {
    private static final Pattern OPERATION = Pattern.compile(
            "<h3 id=\"op-[^\"]+\"><span class=\"api-method api-[a-z]+\">([A-Z]+)</span> <code>([^<]+)</code></h3>");

    @LocalServerPort
    int port;
    @Autowired
    Members members;

    @Test
    void everyOperationAndSchemaOfTheLiveDocumentIsOnThePage() {
        WebClient web = new WebClient(port);
        JsonNode document = web.get("/api/openapi.json").json();
        WebClient.Response page = web.get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");

        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    expected.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        List<String> shown = new ArrayList<>();
        Matcher m = OPERATION.matcher(page.body());
        while (m.find()) {
            shown.add(m.group(1) + " " + m.group(2).replace("&#123;", "{").replace("&#125;", "}"));
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).contains("POST /api/v1/posts", "GET /api/v1/search");
        for (String schema : document.path("components").path("schemas").propertyNames()) {
            assertThat(page.body()).contains("id=\"schema-" + schema + "\"");
        }
        // A field's type links to its schema; operations without security say so.
        assertThat(page.body()).contains("href=\"#schema-Problem\"", "No token needed");
    }

    @Test
    void thePageKeepsTheSitesPolicyLanguageAndHeader() {
        WebClient web = new WebClient(port);
        WebClient.Response page = web.get("/api/docs", "Accept-Language", "fr");
        assertThat(page.header("Content-Security-Policy")).contains("style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("style=\"", "<script>").contains("<h1>Référence de l’API</h1>");

        Account member = members.active("apiref");
        WebClient signedIn = new WebClient(port);
        signedIn.login(member.email(), Members.PASSWORD);
        assertThat(signedIn.get("/api/docs").body()).contains("@" + member.handle());
        // The API itself stays on its own rules: no session, problem details.
        assertThat(signedIn.get("/api/v1/me").status()).isEqualTo(401);
    }
}
