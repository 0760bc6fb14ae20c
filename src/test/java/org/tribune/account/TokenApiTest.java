package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tribune.ProblemDetails.assertProblem;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class TokenApiTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;
    WebClient api;

    @BeforeEach
    void newClient() {
        api = new WebClient(port);
    }

    private WebClient.Response create(String email, String password, String name) {
        Map<String, String> body = new HashMap<>();
        body.put("email", email);
        body.put("password", password);
        if (name != null) {
            body.put("name", name);
        }
        return api.postJson("/api/v1/tokens", body);
    }

    private String tokenOf(Account account, String name) {
        WebClient.Response created = create(account.email(), Members.PASSWORD, name);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    @Test
    void aTokenIsMadeFromEmailAndPasswordAndIsShownOnce() {
        Account ana = members.active("ana");

        WebClient.Response created = create(ana.email(), Members.PASSWORD, "my script");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        assertThat(created.header("Cache-Control")).contains("no-store");
        JsonNode body = created.json();
        assertThat(body.propertyNames()).containsExactly("token");
        assertThat(body.get("token").asString()).startsWith("trb_").hasSizeGreaterThan(40);
    }

    @Test
    void theTokenSignsInAsItsOwnerOnMe() {
        Account ana = members.active("ana");
        String token = tokenOf(ana, "reader");

        WebClient.Response me = api.get("/api/v1/me", bearer(token));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Cache-Control")).contains("no-store");
        JsonNode json = me.json();
        assertThat(json.get("id").isString()).as("the id is a JSON string").isTrue();
        assertThat(json.get("id").asString()).isEqualTo(Long.toString(ana.id()));
        assertThat(json.get("handle").asString()).isEqualTo(ana.handle());
        assertThat(json.get("email").asString()).isEqualTo(ana.email());
        assertThat(json.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(json.get("role").asString()).isEqualTo("MEMBER");
        assertThat(json.has("passwordHash")).isFalse();
    }

    @Test
    void aTokensUseIsWrittenLaterInOneGoAndShownInItsOwnersList() {
        Account ana = members.active("ana");
        String used = tokenOf(ana, "used");
        tokenOf(ana, "unused");
        assertThat(api.get("/api/v1/me", bearer(used)).status()).isEqualTo(200);

        tokens.writeUses();
        assertThat(db.sql("select name from api_token where account_id = ? and last_used_at is not null").param(ana.id())
                .query(String.class).list()).as("written by the node's next round").containsExactly("used");

        String other = tokenOf(members.active("bo"), "listed");
        api.get("/api/v1/me", bearer(other));
        JsonNode items = api.get("/api/v1/tokens", bearer(other)).json().get("items");
        assertThat(items.get(0).get("lastUsedAt").isNull()).as("the list writes this node's uses first").isFalse();
    }

    @Test
    void tokensAreListedWithStringIdsAndNeverTheirSecrets() {
        Account ana = members.active("ana");
        String first = tokenOf(ana, "first");
        String second = tokenOf(ana, "second");

        WebClient.Response list = api.get("/api/v1/tokens", bearer(first));

        assertThat(list.status()).isEqualTo(200);
        JsonNode json = list.json();
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("items", "next");
        assertThat(json.get("next").isNull()).isTrue();
        JsonNode items = json.get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("name").asString()).as("newest first").isEqualTo("second");
        assertThat(items.get(1).get("name").asString()).isEqualTo("first");
        for (JsonNode item : items) {
            assertThat(item.get("id").isString()).as("the id is a JSON string").isTrue();
            assertThat(item.get("id").asString()).matches("\\d+");
        }
        assertThat(list.body()).doesNotContain(first).doesNotContain(second).doesNotContain("trb_");
    }

    @Test
    void revokedTokenIsRefused() {
        Account ana = members.active("ana");
        String keep = tokenOf(ana, "keep");
        String revoke = tokenOf(ana, "revoke");
        String id = api.get("/api/v1/tokens", bearer(keep)).json().get("items").get(0).get("id").asString();
        assertThat(api.get("/api/v1/me", bearer(revoke)).status()).isEqualTo(200);

        WebClient.Response deleted = api.delete("/api/v1/tokens/" + id, bearer(keep));

        assertThat(deleted.status()).isEqualTo(204);
        JsonNode problem = assertProblem(api.get("/api/v1/me", bearer(revoke)), 401);
        assertThat(problem.get("code").asString()).isEqualTo("token.invalid");
        assertThat(api.get("/api/v1/me", bearer(keep)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tokens", bearer(keep)).json().get("items")).hasSize(1);
    }

    @Test
    void wrongPasswordIsRefusedWithAProblemDetail() {
        Account ana = members.active("ana");

        JsonNode problem = assertProblem(create(ana.email(), "not the right password", "x"), 401);

        assertThat(problem.get("code").asString()).isEqualTo("login.failed");
        assertThat(problem.has("token")).isFalse();
    }

    @Test
    void unknownAddressIsRefusedLikeAWrongPassword() {
        JsonNode problem = assertProblem(create("nobody-" + Members.uniqueHandle("x") + "@example.test",
                Members.PASSWORD, "x"), 401);

        assertThat(problem.get("code").asString()).isEqualTo("login.failed");
    }

    @Test
    void unverifiedAccountGetsNoToken() {
        Account bob = members.unverified("bob");

        JsonNode problem = assertProblem(create(bob.email(), Members.PASSWORD, "x"), 403);

        assertThat(problem.get("code").asString()).isEqualTo("login.unverified");
    }

    @Test
    void suspendedAccountGetsNoTokenAndItsTokensStopWorking() {
        Account eve = members.active("eve");
        String token = tokenOf(eve, "before");

        members.suspend(eve);

        assertThat(assertProblem(create(eve.email(), Members.PASSWORD, "after"), 403).get("code").asString())
                .isEqualTo("login.suspended");
        // Its tokens only read and appeal the decisions about it (see AppealWhileSanctionedTest).
        assertThat(assertProblem(api.get("/api/v1/me", bearer(token)), 403).get("code").asString()).isEqualTo("login.suspended");
        assertThat(api.get("/api/v1/moderation/mine", bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void oneMemberCannotRevokeAnothersToken() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        String anas = tokenOf(ana, "ana's");
        String bobs = tokenOf(bob, "bob's");
        String bobsId = api.get("/api/v1/tokens", bearer(bobs)).json().get("items").get(0).get("id").asString();

        assertProblem(api.delete("/api/v1/tokens/" + bobsId, bearer(anas)), 404);

        assertThat(api.get("/api/v1/me", bearer(bobs)).json().get("handle").asString()).isEqualTo(bob.handle());
        assertThat(api.get("/api/v1/tokens", bearer(bobs)).json().get("items")).hasSize(1);
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        Account ana = members.active("ana");
        String token = tokenOf(ana, "t");

        assertProblem(api.delete("/api/v1/tokens/12345", bearer(token)), 404);
    }

    @Test
    void aTokenNeedsAName() {
        Account ana = members.active("ana");

        for (String name : new String[] {null, "", "   ", "x".repeat(101)}) {
            JsonNode problem = assertProblem(create(ana.email(), Members.PASSWORD, name), 400);
            JsonNode errors = problem.get("errors");
            assertThat(errors.isArray()).as("errors for name %s", name).isTrue();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("field").asString()).isEqualTo("name");
            assertThat(errors.get(0).get("code").asString()).isEqualTo("token.name-invalid");
            assertThat(errors.get(0).get("message").asString()).isNotBlank();
        }
        assertThat(tokenCount(tokenOf(ana, "t"))).as("no token was made by the refused attempts").isEqualTo(1);
    }

    @Test
    void garbageBearerTokensAreRefused() {
        for (String garbage : new String[] {"garbage", "trb_", "trb_doesnotexist", "trb_" + "a".repeat(200),
                "Bearer trb_x", "\u00e9\u00e9\u00e9"}) {
            JsonNode problem = assertProblem(api.get("/api/v1/me", "Authorization", "Bearer " + garbage), 401);
            assertThat(problem.get("code").asString()).as(garbage).isEqualTo("token.invalid");
        }
    }

    @Test
    void aGarbageTokenIsRefusedEvenWherePublicReadingIsAllowed() {
        assertProblem(api.get("/api/v1/groups", "Authorization", "Bearer trb_doesnotexist"), 401);
    }

    @Test
    void withoutATokenMeIsUnauthorized() {
        WebClient.Response response = api.get("/api/v1/me");

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(api.get("/api/v1/tokens"), 401);
    }

    @Test
    void aSessionCookieIsNoTokenForTheApi() {
        Account ana = members.active("ana");
        WebClient browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);
        assertThat(browser.get("/settings").status()).isEqualTo(200);

        assertProblem(browser.get("/api/v1/me"), 401);
    }

    /** How many tokens the owner of this one has. */
    private int tokenCount(String token) {
        return api.get("/api/v1/tokens", bearer(token)).json().get("items").size();
    }
}
