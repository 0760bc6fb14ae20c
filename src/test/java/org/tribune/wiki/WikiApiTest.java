package org.tribune.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.post.Post;
import org.tribune.trust.TrustLevel;

import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(WikiFixture.class)
class WikiApiTest {
    @LocalServerPort
    int port;
    @Autowired
    WikiFixture world;
    @Autowired
    TokenService tokens;

    String token(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "t");
    }

    static Map<String, Object> edit(String title, String body, String summary, String base) {
        Map<String, Object> map = new HashMap<>();
        map.put("title", title);
        map.put("body", body);
        map.put("summary", summary);
        map.put("baseRevisionId", base);
        return map;
    }

    @Test
    void revisionsAreListedEditedRevertedAndConflictsAnswer409WithBothVersions() {
        Account ana = world.person("ana", TrustLevel.MEMBER);
        Account bob = world.person("bob", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob);
        Post post = world.post(ana, g, "Title", "Body one");
        WebClient api = new WebClient(port);
        String path = "/api/v1/posts/" + post.id() + "/revisions";

        JsonNode list = api.get(path).json();
        assertThat(list.get("items")).hasSize(1);
        String first = list.get("items").get(0).get("id").asString();
        assertThat(list.get("items").get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(list.get("items").get(0).get("editor").get("handle").asString()).isEqualTo(ana.handle());

        WebClient.Response saved = api.postJson(path, edit("Title", "Body two", "clearer", first), "Authorization", token(bob));
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("live").asBoolean()).isTrue();
        assertThat(saved.json().get("revision").get("number").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/posts/" + post.id()).json().get("body").asString()).isEqualTo("Body two");

        WebClient.Response stale = api.postJson(path, edit("Title", "Body three", "", first), "Authorization", token(ana));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).contains("application/problem+json");
        assertThat(stale.json().get("code").asString()).isEqualTo("wiki.edit-conflict");
        assertThat(stale.json().get("current").get("body").asString()).isEqualTo("Body two");
        assertThat(stale.json().get("yours").get("body").asString()).isEqualTo("Body three");
        assertThat(stale.json().get("base").get("body").asString()).isEqualTo("Body one");
        assertThat(stale.json().get("currentRevisionId").asString()).isEqualTo(saved.json().get("revision").get("id").asString());

        WebClient.Response reverted = api.postJson(path + "/" + first + "/revert", Map.of(), "Authorization", token(ana));
        assertThat(reverted.status()).isEqualTo(201);
        assertThat(reverted.json().get("revision").get("change").asString()).isEqualTo("REVERT");
        assertThat(reverted.json().get("revision").get("restoresRevisionId").asString()).isEqualTo(first);
        assertThat(api.get("/api/v1/posts/" + post.id()).json().get("body").asString()).isEqualTo("Body one");
        assertThat(api.postJson(path, edit("Title", "x", "", "not-a-number"), "Authorization", token(ana)).status()).isEqualTo(400);
        assertThat(api.postJson(path, edit("Title", "x", "", null)).status()).isEqualTo(401);
    }

    @Test
    void pendingRevisionsNeverReachThePublicFieldsAndOnlyReviewersDecide() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account basic = world.person("basic", TrustLevel.BASIC);
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Group g = world.group(ana, "PUBLIC", EditMode.REVIEW);
        world.join(g, basic, regular);
        Post post = world.post(ana, g, "Title", "Accepted body");
        WebClient api = new WebClient(port);
        String path = "/api/v1/posts/" + post.id() + "/revisions";

        WebClient.Response pending = api.postJson(path, edit("Title", "PENDING body", "better", null), "Authorization", token(basic));
        assertThat(pending.status()).isEqualTo(201);
        assertThat(pending.json().get("live").asBoolean()).isFalse();
        String rev = pending.json().get("revision").get("id").asString();

        for (String auth : new String[] {null, token(basic), token(regular)}) {
            WebClient.Response one = auth == null ? api.get("/api/v1/posts/" + post.id()) : api.get("/api/v1/posts/" + post.id(), "Authorization", auth);
            assertThat(one.body()).doesNotContain("PENDING body");
        }
        assertThat(api.get(path).body()).doesNotContain("PENDING body");
        JsonNode forMembers = api.get(path, "Authorization", token(regular)).json();
        assertThat(forMembers.get("items").get(0).get("status").asString()).isEqualTo("PENDING");
        assertThat(forMembers.get("items").get(0).get("current").asBoolean()).isFalse();

        assertThat(api.postJson(path + "/" + rev + "/accept", Map.of(), "Authorization", token(basic)).status()).isEqualTo(403);
        assertThat(api.postJson(path + "/" + rev + "/revert", Map.of(), "Authorization", token(regular)).status()).isEqualTo(403);
        WebClient.Response accepted = api.postJson(path + "/" + rev + "/accept", Map.of(), "Authorization", token(regular));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("editor").get("handle").asString()).isEqualTo(basic.handle());
        assertThat(api.get("/api/v1/posts/" + post.id()).json().get("body").asString()).isEqualTo("PENDING body");
        assertThat(api.postJson(path + "/" + rev + "/reject", Map.of(), "Authorization", token(regular)).status()).isEqualTo(409);

        String second = api.postJson(path, edit("Title", "spam", "x", null), "Authorization", token(basic)).json().get("revision").get("id").asString();
        assertThat(api.postJson(path + "/" + second + "/reject", Map.of(), "Authorization", token(regular)).json().get("status").asString())
                .isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/posts/" + post.id()).json().get("body").asString()).isEqualTo("PENDING body");
    }

    @Test
    void refusalsAnswerProblemDetails() {
        Account ana = world.person("ana", TrustLevel.MEMBER);
        Account newcomer = world.person("new", TrustLevel.NEW);
        Account outsider = world.person("out", TrustLevel.LEADER);
        Group open = world.group(ana, "PUBLIC", EditMode.OPEN);
        Group closed = world.group(ana, "PRIVATE", EditMode.OPEN);
        world.join(open, newcomer);
        Post post = world.post(ana, open, "T", "b");
        Post secret = world.post(ana, closed, "Secret", "secret body");
        WebClient api = new WebClient(port);

        WebClient.Response refused = api.postJson("/api/v1/posts/" + post.id() + "/revisions", edit("T", "x", "x", null),
                "Authorization", token(newcomer));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("wiki.newcomers-own-posts-only");
        assertThat(api.sendJson("PATCH", "/api/v1/posts/" + post.id(), Map.of("body", "x"), "Authorization", token(newcomer)).status())
                .isEqualTo(403);
        for (String auth : new String[] {token(outsider)}) {
            assertThat(api.get("/api/v1/posts/" + secret.id() + "/revisions", "Authorization", auth).status()).isEqualTo(404);
            assertThat(api.postJson("/api/v1/posts/" + secret.id() + "/revisions", edit("x", "x", "x", null), "Authorization", auth).status())
                    .isEqualTo(404);
        }
        assertThat(api.get("/api/v1/posts/" + secret.id() + "/revisions").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/posts/" + secret.id() + "/revisions").body()).doesNotContain("secret body");
        assertThat(api.postJson("/api/v1/posts/" + post.id() + "/revisions/123/accept", Map.of(), "Authorization", token(ana)).status())
                .isEqualTo(404);
    }

    @Test
    void theApiDocumentDescribesTheRevisionEndpoints() {
        String doc = new WebClient(port).get("/api/openapi.json").body();
        assertThat(doc).contains("/api/v1/posts/{id}/revisions", "/api/v1/posts/{id}/revisions/{rev}/revert",
                "/api/v1/posts/{id}/revisions/{rev}/accept", "/api/v1/posts/{id}/revisions/{rev}/reject", "baseRevisionId");
    }
}
