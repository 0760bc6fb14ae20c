package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

/** Every answer tells the browser to load nothing from elsewhere, to frame nothing, and not to keep private pages. */
@IntegrationTest
class SecurityHeadersTest {
    /** The only sources a policy may name: this origin, nothing, and inline images (data: URLs). */
    private static final Set<String> ALLOWED_SOURCES = Set.of("'self'", "'none'", "data:");
    private static final Pattern RESOURCE = Pattern.compile(
            "<(script|img|link|source|iframe|embed|object|audio|video)\\b[^>]*?\\s(src|href|data|srcset)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    Account ana;
    WebClient visitor;
    WebClient member;

    @BeforeEach
    void clients() {
        ana = members.active("ana");
        visitor = new WebClient(port);
        member = new WebClient(port);
        member.login(ana.email(), Members.PASSWORD);
    }

    private String[] bearer(Account account) {
        return new String[] {"Authorization", "Bearer " + tokens.createFor(account.id(), "headers")};
    }

    private static void assertStrictHeaders(SoftAssertions softly, String what, WebClient.Response response) {
        String csp = response.header("Content-Security-Policy");
        softly.assertThat(csp).as("%s: Content-Security-Policy", what).isNotBlank();
        if (csp != null) {
            softly.assertThat(csp).as("%s: CSP names no other host", what).doesNotContain("http").doesNotContain("*")
                    .doesNotContain("//");
            for (String directive : csp.split(";")) {
                List<String> parts = Arrays.stream(directive.trim().split("\\s+")).toList();
                for (String source : parts.subList(1, parts.size())) {
                    softly.assertThat(ALLOWED_SOURCES).as("%s: source %s in %s", what, source, directive).contains(source);
                }
            }
            softly.assertThat(csp).as(what).contains("default-src 'self'").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'").contains("base-uri 'self'").contains("form-action 'self'");
        }
        softly.assertThat(response.header("X-Content-Type-Options")).as("%s: nosniff", what).isEqualTo("nosniff");
        softly.assertThat(response.header("Referrer-Policy")).as("%s: Referrer-Policy", what).isEqualTo("same-origin");
        softly.assertThat(response.header("X-Frame-Options")).as("%s: X-Frame-Options", what).isEqualTo("DENY");
    }

    private static void assertNotStored(SoftAssertions softly, String what, WebClient.Response response) {
        softly.assertThat(response.header("Cache-Control")).as("%s: Cache-Control", what).contains("no-store");
    }

    /** Every page keeps the one strict policy, the API's reference page too: no hash, no inline style anywhere. */
    @Test
    void everyPageKeepsTheStrictPolicyTheApiReferenceToo() {
        for (String path : List.of("/", "/login", "/groups", "/api/docs", "/api/openapi.json")) {
            assertThat(visitor.get(path).header("Content-Security-Policy")).as(path)
                    .contains("style-src 'self';").doesNotContain("unsafe").doesNotContain("sha256");
        }
        assertThat(member.get("/").header("Content-Security-Policy")).doesNotContain("unsafe");
    }

    @Test
    void pagesForVisitorsSendTheStrictHeaders() {
        SoftAssertions softly = new SoftAssertions();
        for (String path : new String[] {"/", "/login", "/signup", "/conduct", "/groups", "/@" + ana.handle()}) {
            WebClient.Response response = visitor.get(path);
            softly.assertThat(response.status()).as(path).isEqualTo(200);
            assertStrictHeaders(softly, path, response);
        }
        softly.assertAll();
    }

    @Test
    void pagesForMembersSendTheStrictHeadersAndAreNotStored() {
        SoftAssertions softly = new SoftAssertions();
        for (String path : new String[] {"/", "/settings", "/settings/security", "/groups", "/@" + ana.handle()}) {
            WebClient.Response response = member.get(path);
            softly.assertThat(response.status()).as(path).isEqualTo(200);
            assertStrictHeaders(softly, path, response);
            assertNotStored(softly, path, response);
        }
        softly.assertAll();
    }

    @Test
    void errorPagesSendTheStrictHeadersToo() {
        SoftAssertions softly = new SoftAssertions();
        WebClient.Response missing = member.get("/no/such/page");
        softly.assertThat(missing.status()).isEqualTo(404);
        assertStrictHeaders(softly, "404 page", missing);
        assertNotStored(softly, "404 page", missing);
        WebClient.Response badLink = visitor.get("/verify?token=forged.1.x");
        softly.assertThat(badLink.status()).isEqualTo(400);
        assertStrictHeaders(softly, "400 page", badLink);
        softly.assertAll();
    }

    @Test
    void addressesTheFirewallRefusesGetTheStrictHeadersToo() {
        SoftAssertions softly = new SoftAssertions();
        for (String path : new String[] {"/settings;jsessionid=x", "/@x/%2e%2e/settings", "/api/v1/me;x"}) {
            WebClient.Response refused = member.get(path);
            softly.assertThat(refused.status()).as(path).isEqualTo(400);
            assertStrictHeaders(softly, path, refused);
            assertNotStored(softly, path, refused);
        }
        softly.assertAll();
    }

    @Test
    void apiAnswersSendTheStrictHeadersAndAreNotStored() {
        SoftAssertions softly = new SoftAssertions();
        String[] bearer = bearer(ana);
        WebClient api = new WebClient(port);
        for (String path : new String[] {"/api/v1/me", "/api/v1/tokens", "/api/v1/groups"}) {
            WebClient.Response response = api.get(path, bearer);
            softly.assertThat(response.status()).as(path).isEqualTo(200);
            assertStrictHeaders(softly, path, response);
            assertNotStored(softly, path, response);
        }
        WebClient.Response refused = api.get("/api/v1/me");
        softly.assertThat(refused.status()).isEqualTo(401);
        assertStrictHeaders(softly, "401 problem", refused);
        assertNotStored(softly, "401 problem", refused);
        WebClient.Response missing = api.get("/api/v1/no-such-thing", bearer);
        softly.assertThat(missing.status()).isEqualTo(404);
        assertStrictHeaders(softly, "404 problem", missing);
        assertNotStored(softly, "404 problem", missing);
        softly.assertAll();
    }

    @Test
    void staticFilesAreNotSniffed() {
        WebClient.Response css = visitor.get("/css/tribune.css");

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void everyPageLoadsScriptsStylesAndImagesFromItsOwnOrigin() {
        Account admin = members.admin("adm");
        WebClient adminBrowser = new WebClient(port);
        adminBrowser.login(admin.email(), Members.PASSWORD);
        List<String> visitorPages = List.of("/", "/login", "/signup", "/signup/done", "/conduct", "/groups",
                "/reset-password", "/verify/resend", "/verify", "/@" + ana.handle(), "/login?error");
        List<String> memberPages = List.of("/", "/settings", "/settings/security", "/groups", "/groups/new",
                "/@" + ana.handle(), "/no/such/page");
        List<String> adminPages = List.of("/admin/users", "/admin/users/" + ana.handle(), "/admin/audit",
                "/admin/mail", "/admin/groups");

        SoftAssertions softly = new SoftAssertions();
        int scanned = 0;
        for (var entry : List.of(java.util.Map.entry(visitor, visitorPages), java.util.Map.entry(member, memberPages),
                java.util.Map.entry(adminBrowser, adminPages))) {
            for (String path : entry.getValue()) {
                WebClient.Response page = entry.getKey().get(path);
                softly.assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
                List<String> resources = resources(page.body());
                softly.assertThat(resources).as("%s loads its stylesheet", path).contains("/css/tribune.css");
                for (String url : resources) {
                    softly.assertThat(url).as("resource on %s", path).startsWith("/").doesNotContain("//")
                            .doesNotContainIgnoringCase("http");
                }
                softly.assertThat(page.body()).as("%s has no inline script or style, which the policy would block", path)
                        .doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)[^>]*>")
                        .doesNotContainPattern("(?i)<style\\b")
                        .doesNotContainPattern("(?i)\\sstyle\\s*=")
                        .doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
                scanned++;
            }
        }
        softly.assertThat(scanned).isEqualTo(visitorPages.size() + memberPages.size() + adminPages.size());
        softly.assertAll();
    }

    /** The addresses of what a page loads: scripts, stylesheets and icons, images, media and embedded things. */
    private static List<String> resources(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = RESOURCE.matcher(html);
        while (m.find()) {
            found.add(m.group(3));
        }
        return found;
    }
}
