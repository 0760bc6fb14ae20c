package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tribune.ProblemDetails.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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

/**
 * Bodies are read with the declared types, unknown fields are refused, and a request whose address or parameters
 * cannot be read is a 400 that explains, never a 500 nor a value the client did not mean.
 */
@IntegrationTest
class StrictInputTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    WebClient api;
    String[] bearer;

    @BeforeEach
    void member() {
        api = new WebClient(port);
        Account ana = members.active("ana");
        bearer = new String[] {"Authorization", "Bearer " + tokens.createFor(ana.id(), "strict")};
    }

    private JsonNode refusedField(WebClient.Response response, String field, String code) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("code").asString()).isEqualTo("problem.invalid-input");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        return problem;
    }

    @Test
    void aBooleanIsNotText() {
        refusedField(api.postJson("/api/v1/posts", "{\"body\": false}", bearer), "body", "json.wrong-type");
        refusedField(api.postJson("/api/v1/posts", "{\"body\": 12}", bearer), "body", "json.wrong-type");
        assertThat(api.get("/api/v1/feed", bearer).body()).doesNotContain("\"false\"");
    }

    @Test
    void textIsNotANumberNorABoolean() {
        refusedField(api.sendJson("PUT", "/api/v1/me/privacy", "{\"searchEngines\": \"true\"}", bearer), "searchEngines",
                "json.wrong-type");
        refusedField(api.sendJson("PUT", "/api/v1/me/privacy", "{\"searchEngines\": 1}", bearer), "searchEngines",
                "json.wrong-type");
        refusedField(api.sendJson("PUT", "/api/v1/me/privacy", "{\"searchEngines\": null}", bearer), "searchEngines",
                "json.null");
    }

    @Test
    void nullIsNeverAnItemOfAList() {
        refusedField(api.postJson("/api/v1/sources/example.org/revisions",
                "{\"label\": \"satire\", \"justification\": \"x\", \"sources\": [null]}", bearer), "sources[0]", "json.null");
        refusedField(api.postJson("/api/v1/groups", "{\"slug\": \"strict\", \"name\": \"Strict\", \"joinQuestions\": [\"a\", null]}",
                bearer), "joinQuestions[1]", "json.null");
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        JsonNode problem = refusedField(api.postJson("/api/v1/posts", "{\"body\": \"hello\", \"bdoy\": \"x\"}", bearer), "bdoy",
                "json.unknown-field");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("bdoy");
    }

    @Test
    void brokenJsonIsSaidToBe() {
        for (String body : new String[] {"{", "{\"body\": \"a\"} trailing", "{\"body\": \"a\", \"body\": \"b\"}", "{'body': 1}"}) {
            JsonNode problem = assertProblem(api.postJson("/api/v1/posts", body, bearer), 400);
            assertThat(problem.get("errors").get(0).get("code").asString()).as(body).isEqualTo("json.malformed");
        }
    }

    @Test
    void aNulCharacterIsRefusedWhereverItIsSent() throws IOException {
        for (String path : new String[] {"/api/v1/sources?after=%00", "/api/v1/search?q=a%00b"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("\"code\":\"problem.malformed-parameters\"");
        }
        // in a JSON string: refused by PostgreSQL's text types (400), harmless text on H2; never a 500
        int status = api.postJson("/api/v1/posts", "{\"body\": \"a\\u0000b\"}", bearer).status();
        assertThat(status).isIn(201, 400);
    }

    @Test
    void anEmptyParameterNameIsABadRequestOnEveryReader() throws IOException {
        for (String path : new String[] {"/api/v1/groups?=x", "/api/v1/groups?query=a&=x", "/api/v1/users/nobody/followers?="}) {
            JsonNode problem = assertProblem(api.get(path), 400);
            assertThat(problem.get("code").asString()).as(path).isEqualTo("problem.malformed-parameters");
        }
        for (String path : new String[] {"/api/v1/sources?after=%zz", "/api/v1/search?q=%"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("\"code\":\"problem.malformed-parameters\"");
        }
        assertProblem(api.get("/api/v1/feed?=x", bearer), 400);
        assertProblem(api.postJson("/api/v1/posts?=x", "{\"body\": \"hello\"}", bearer), 400);
    }

    @Test
    void pagesAnswerMalformedParametersWithAPage() {
        WebClient.Response page = api.get("/groups?=x");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.h1()).isNotBlank();
    }

    /** No filter parses the form bodies of PUT, PATCH or DELETE (nothing sends them), so a broken one is no 500. */
    @Test
    void aFormWhereJsonIsExpectedIsAnUnsupportedFormat() throws IOException {
        String form = "title=%&body=%zz";
        String answer = raw("PATCH /api/v1/posts/1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + bearer[0] + ": "
                + bearer[1] + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\n\r\n" + form);

        assertThat(answer).startsWith("HTTP/1.1 415").contains("application/problem+json");
    }

    /** The parameter check reads forms early: after the UTF-8 decoding is set, so text keeps its accents. */
    @Test
    void formsReadEarlyKeepTheirAccents() {
        Account zoe = members.active("zoe");
        WebClient browser = new WebClient(port);
        browser.login(zoe.email(), Members.PASSWORD);

        assertThat(browser.post("/settings/profile?from=settings", "displayName", "Zoé Ñúñez", "bio", "Café").status())
                .isEqualTo(302);

        assertThat(members.reload(zoe).displayName()).isEqualTo("Zoé Ñúñez");
    }

    @Test
    void addressesTomcatCannotReadAreProblemDetailsUnderTheApi() throws IOException {
        for (String target : new String[] {"/api/v1/groups/%ff%fe", "/api/v1/groups/a%2Fb", "/api/v1/groups/a%00b",
                "/api/v1/groups?a[b]=c"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase()).as(target).contains("content-type: application/problem+json");
            assertThat(answer).as(target).contains("\"status\":400");
        }
    }

    /** The JDK's HTTP client refuses to send such addresses; a socket does not. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
