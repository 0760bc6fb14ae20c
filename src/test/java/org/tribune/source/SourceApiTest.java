package org.tribune.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Role;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.post.Post;
import org.tribune.trust.TrustLevel;
import org.tribune.wiki.EditMode;
import org.tribune.wiki.WikiService;

import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(SourceFixture.class)
class SourceApiTest {
    @LocalServerPort
    int port;
    @Autowired
    SourceFixture world;
    @Autowired
    TokenService tokens;
    @Autowired
    WikiService wiki;

    String token(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "t");
    }

    static Map<String, Object> edit(String label, String justification, List<String> sources, String base) {
        Map<String, Object> map = new HashMap<>();
        map.put("label", label);
        map.put("justification", justification);
        map.put("sources", sources);
        map.put("summary", "");
        map.put("baseRevisionId", base);
        return map;
    }

    @Test
    void aDomainIsReadLabelledListedAndItsRevisionsRevertedOverTheApi() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        String domain = SourceFixture.domain("api");
        WebClient api = new WebClient(port);
        String path = "/api/v1/sources/" + domain;

        JsonNode before = api.get("/api/v1/sources/www." + domain).json();
        assertThat(before.get("domain").asString()).isEqualTo(domain);
        assertThat(before.get("label").isNull()).isTrue();
        assertThat(before.get("mode").asString()).isEqualTo("LOCKED");
        assertThat(before.get("mayEdit").asBoolean()).isFalse();
        assertThat(api.get(path + "/revisions").json().get("items")).isEmpty();

        WebClient.Response saved = api.postJson(path + "/revisions", edit("satire", "Says so.", List.of("https://" + domain + "/about"), null),
                "Authorization", token(regular));
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("live").asBoolean()).isTrue();
        String first = saved.json().get("revision").get("id").asString();
        assertThat(saved.json().get("revision").get("content").get("label").asString()).isEqualTo("satire");

        JsonNode labelled = api.get(path).json();
        assertThat(labelled.get("label").asString()).isEqualTo("satire");
        assertThat(labelled.get("labelName").asString()).isEqualTo("Satire");
        assertThat(labelled.get("sources").get(0).asString()).isEqualTo("https://" + domain + "/about");
        assertThat(labelled.get("url").asString()).isEqualTo("/sources/" + domain);
        assertThat(api.get(path, "Accept-Language", "fr").json().get("labelName").asString()).isEqualTo("Satire");

        WebClient.Response second = api.postJson(path + "/revisions", edit("peer-reviewed", "A journal.", List.of("https://example.org/j"),
                first), "Authorization", token(regular));
        assertThat(second.status()).isEqualTo(201);
        assertThat(api.get(path, "Accept-Language", "fr").json().get("labelName").asString()).isEqualTo("Évalué par les pairs");

        WebClient.Response stale = api.postJson(path + "/revisions", edit("satire", "Again.", List.of("https://example.org/x"), first),
                "Authorization", token(regular));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("current").get("label").asString()).isEqualTo("peer-reviewed");
        assertThat(stale.json().get("yours").get("label").asString()).isEqualTo("satire");

        WebClient.Response reverted = api.postJson(path + "/revisions/" + first + "/revert", Map.of("summary", "it was satire"),
                "Authorization", token(regular));
        assertThat(reverted.status()).isEqualTo(201);
        assertThat(api.get(path).json().get("label").asString()).isEqualTo("satire");
        JsonNode revisions = api.get(path + "/revisions").json().get("items");
        assertThat(revisions).hasSize(3);
        assertThat(revisions.get(0).get("change").asString()).isEqualTo("REVERT");
        assertThat(revisions.get(0).get("editor").get("handle").asString()).isEqualTo(regular.handle());

        JsonNode directory = api.get("/api/v1/sources?after=" + domain.substring(0, domain.length() - 5)).json();
        assertThat(directory.get("items").toString()).contains("\"domain\":\"" + domain + "\"");
        assertThat(api.get("/api/v1/sources/not_a_domain").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/sources/not_a_domain").header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void visitorsBelowLevelMembersWaitingAndSuspendedAccountsAreRefused() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        String domain = SourceFixture.domain("api-refuse");
        world.label(regular, domain, "satire");
        String path = "/api/v1/sources/" + domain + "/revisions";
        Map<String, Object> unlabel = edit("", "", List.of(), null);
        WebClient api = new WebClient(port);

        assertThat(api.postJson(path, unlabel).status()).isEqualTo(401);
        for (TrustLevel level : new TrustLevel[] {TrustLevel.NEW, TrustLevel.BASIC, TrustLevel.MEMBER}) {
            WebClient.Response refused = api.postJson(path, unlabel, "Authorization", token(world.person("lvl", level)));
            assertThat(refused.status()).as(level.name()).isEqualTo(403);
            assertThat(refused.json().get("code").asString()).isEqualTo("wiki.locked-to-level");
        }
        Account waiting = world.members.waiting("wait");
        assertThat(api.postJson(path, unlabel, "Authorization", token(waiting)).status()).isEqualTo(403);
        Account suspended = world.person("susp", TrustLevel.LEADER);
        String suspendedToken = token(suspended);
        world.members.suspend(suspended);
        assertThat(api.postJson(path, unlabel, "Authorization", suspendedToken).status()).isIn(401, 403);

        WebClient.Response unknown = api.postJson(path, edit("fake-news", "x", List.of("https://example.org"), null),
                "Authorization", token(regular));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("source.label-unknown");
        assertThat(api.postJson(path, edit("satire", "x", List.of("ftp://example.org"), null), "Authorization", token(regular))
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/sources/" + domain).json().get("label").asString()).isEqualTo("satire");
    }

    @Test
    void underReviewAMembersEditWaitsAndOnlyReviewersDecide() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account member = world.person("mem", TrustLevel.MEMBER);
        Account moderator = world.members.withRole("mod", Role.MODERATOR);
        String domain = SourceFixture.domain("api-review");
        world.label(regular, domain, "satire");
        wiki.setMode(moderator, world.sources.existing(domain), EditMode.REVIEW);
        String path = "/api/v1/sources/" + domain + "/revisions";
        WebClient api = new WebClient(port);

        WebClient.Response pending = api.postJson(path, edit("user-generated", "Blogs.", List.of("https://example.org/b"), null),
                "Authorization", token(member));
        assertThat(pending.status()).isEqualTo(201);
        assertThat(pending.json().get("live").asBoolean()).isFalse();
        String rev = pending.json().get("revision").get("id").asString();
        assertThat(api.get("/api/v1/sources/" + domain).json().get("label").asString()).isEqualTo("satire");
        assertThat(api.get(path).json().get("items").toString()).doesNotContain("PENDING");

        assertThat(api.postJson(path + "/" + rev + "/accept", Map.of(), "Authorization", token(member)).status()).isEqualTo(403);
        assertThat(api.postJson(path + "/" + rev + "/accept", Map.of()).status()).isEqualTo(401);
        WebClient.Response accepted = api.postJson(path + "/" + rev + "/accept", Map.of(), "Authorization", token(regular));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.get("/api/v1/sources/" + domain).json().get("label").asString()).isEqualTo("user-generated");

        String another = api.postJson(path, edit("satire", "No.", List.of("https://example.org/c"), null), "Authorization", token(member))
                .json().get("revision").get("id").asString();
        assertThat(api.postJson(path + "/" + another + "/reject", Map.of(), "Authorization", token(moderator)).json()
                .get("status").asString()).isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/sources/" + domain).json().get("label").asString()).isEqualTo("user-generated");
        assertThat(api.postJson("/api/v1/sources/" + SourceFixture.domain("nopage") + "/revisions/1/accept", Map.of(),
                "Authorization", token(regular)).status()).isEqualTo(404);
    }

    @Test
    void postsInTheApiCarryTheLabelOfTheirLinksSite() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account ana = world.person("ana", TrustLevel.BASIC);
        String domain = SourceFixture.domain("api-post");
        world.label(regular, domain, "state-affiliated");
        Group group = world.group(ana);
        Post post = world.postLinking(ana, group, "https://www." + domain + "/news", "Official news");
        Post plain = world.posts.publish(ana, group.id(), new org.tribune.post.PostService.Draft("", "No link", null));
        WebClient api = new WebClient(port);

        JsonNode label = api.get("/api/v1/posts/" + post.id()).json().get("sourceLabel");
        assertThat(label.get("domain").asString()).isEqualTo(domain);
        assertThat(label.get("label").asString()).isEqualTo("state-affiliated");
        assertThat(label.get("labelName").asString()).isEqualTo("State-affiliated");
        assertThat(label.get("url").asString()).isEqualTo("/sources/" + domain);
        assertThat(api.get("/api/v1/posts/" + post.id(), "Accept-Language", "fr").json().get("sourceLabel").get("labelName")
                .asString()).isEqualTo("Média d’État");
        assertThat(api.get("/api/v1/posts/" + plain.id()).json().get("sourceLabel").isNull()).isTrue();
        assertThat(api.get("/api/v1/groups/" + group.slug() + "/posts").body()).contains("\"sourceLabel\":{\"domain\":\"" + domain + "\"");
    }

    @Test
    void theApiDocumentDescribesTheSourceEndpointsAndTheLabelOnPosts() {
        String doc = new WebClient(port).get("/api/openapi.json").body();
        assertThat(doc).contains("/api/v1/sources/{domain}", "/api/v1/sources/{domain}/revisions",
                "/api/v1/sources/{domain}/revisions/{rev}/revert", "/api/v1/sources/{domain}/revisions/{rev}/accept",
                "/api/v1/sources/{domain}/revisions/{rev}/reject", "sourceLabel", "labelName");
    }
}
