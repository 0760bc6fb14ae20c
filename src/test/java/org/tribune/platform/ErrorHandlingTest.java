package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tribune.ProblemDetails.assertProblem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

import tools.jackson.databind.JsonNode;

/** Bad input is the client's mistake: it gets a 4xx that explains, never a 500. */
@IntegrationTest
class ErrorHandlingTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    WebClient api;
    Account ana;
    String[] bearer;

    @BeforeEach
    void member() {
        api = new WebClient(port);
        ana = members.active("ana");
        bearer = new String[] {"Authorization", "Bearer " + tokens.createFor(ana.id(), "errors")};
    }

    private WebClient signedIn() {
        WebClient browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);
        return browser;
    }

    /** A request with any content type, which {@link WebClient} does not send. */
    private WebClient.Response send(String method, String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            org.tribune.ApiContract.check(method, path, response.statusCode(), response.headers().map(), response.body());
            return new WebClient.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertPage(WebClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.h1()).isNotBlank();
    }

    @Test
    void anUnknownPageIsA404PageWithAHeading() {
        WebClient.Response response = signedIn().get("/no/such/page");

        assertPage(response, 404);
        assertThat(response.h1()).isEqualTo("Page not found");
        assertThat(response.body()).contains("There is nothing here, or you may not see it.");
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        assertProblem(api.get("/api/v1/no-such-thing", bearer), 404);
        assertProblem(api.get("/api/v2/me", bearer), 404);
    }

    @Test
    void aWrongMethodOnAnApiPathIsA405Problem() {
        WebClient.Response put = api.sendJson("PUT", "/api/v1/me", "{}", bearer);

        assertProblem(put, 405);
        assertThat(put.header("Allow")).contains("GET");
        assertProblem(api.delete("/api/v1/accounts", bearer), 405);
    }

    @Test
    void aWrongMethodOnAPageIsA405Page() {
        WebClient.Response response = signedIn().get("/settings/password");

        assertPage(response, 405);
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void aPathVariableOfTheWrongTypeIsABadRequest() {
        assertProblem(api.delete("/api/v1/tokens/notanumber", bearer), 400);
        assertProblem(api.delete("/api/v1/tokens/99999999999999999999999", bearer), 400);
        assertProblem(api.get("/api/v1/posts/notanumber"), 400);
        assertPage(signedIn().get("/p/notanumber"), 400);
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsABadRequest() {
        Account admin = members.admin("adm");
        String[] adminBearer = {"Authorization", "Bearer " + tokens.createFor(admin.id(), "errors")};
        WebClient adminBrowser = new WebClient(port);
        adminBrowser.login(admin.email(), Members.PASSWORD);

        assertProblem(api.get("/api/v1/admin/mail?before=yesterday", adminBearer), 400);
        assertPage(adminBrowser.get("/admin/users?before=yesterday"), 400);
    }

    @Test
    void aTruncatedJsonBodyIsABadRequest() {
        assertProblem(api.postJson("/api/v1/accounts", "{"), 400);
        assertProblem(api.postJson("/api/v1/tokens", "{"), 400);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        WebClient.Response response = send("POST", "/api/v1/accounts", "text/plain", "handle=ana");

        assertProblem(response, 415);
        assertProblem(send("POST", "/api/v1/tokens", "application/x-www-form-urlencoded", "email=a&password=b&name=c"), 415);
    }

    @Test
    void aOneMegabyteHandleIsABadRequest() {
        String huge = "h".repeat(1024 * 1024);

        JsonNode problem = assertProblem(api.postJson("/api/v1/accounts", Map.of("handle", huge, "email",
                "huge@example.test", "password", Members.PASSWORD, "locale", "en")), 400);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("handle");
        assertThat(problem.toString()).as("the input is not echoed back").hasSizeLessThan(10_000);
    }

    @Test
    void aOneMegabyteTokenNameOrPasswordIsABadRequest() {
        String huge = "n".repeat(1024 * 1024);

        assertProblem(api.postJson("/api/v1/tokens", Map.of("email", ana.email(), "password", Members.PASSWORD,
                "name", huge)), 400);
        assertProblem(api.postJson("/api/v1/tokens", Map.of("email", ana.email(), "password", huge, "name", "x")), 401);
    }

    @Test
    void anAddressTheFirewallRefusesIsABadRequest() {
        assertProblem(api.get("/api/v1/me;jsessionid=x", bearer), 400);
        assertProblem(api.get("/api/v1/tokens/%2e%2e/me", bearer), 400);
        assertPage(signedIn().get("/settings;jsessionid=x"), 400);
    }

    @Test
    void verifyingWithoutATokenIsABadRequestPage() {
        WebClient.Response response = api.get("/verify");

        assertPage(response, 400);
        assertThat(response.body()).contains("This link is not valid");
        assertPage(api.get("/verify?token="), 400);
    }

    @Test
    void aProfileWithAnOverlongHandleIsNotFound() {
        assertPage(api.get("/@" + "h".repeat(200)), 404);
        assertPage(signedIn().get("/@" + "h".repeat(200)), 404);
    }

    @Test
    void anUnknownProfileIsNotFound() {
        assertPage(api.get("/@nobody_" + ana.handle()), 404);
    }
}
