package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

@IntegrationTest
class PostWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    PostService posts;
    @Autowired
    TokenService tokens;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    Group group(Account owner, String visibility) {
        return groups.create(owner, new GroupForm(PostServiceIntegrationTest.slug(), "Web " + visibility, "", "en",
                visibility, "OPEN", List.of(), false));
    }

    static long idFrom(String location) {
        return Long.parseLong(location.replaceAll("^/p/(\\d+).*$", "$1"));
    }

    @Test
    void aMemberPostsCommentsRepliesAndLikesThroughTheForms() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group g = group(ana, "PUBLIC");
        groupJoining.join(bob, g.slug(), List.of());
        WebClient anas = signedIn(ana);

        WebClient.Response published = anas.post("/groups/" + g.slug() + "/posts", "title", "Rivers <b>& lakes</b>",
                "body", "Look at *this* <script>alert(1)</script>", "link", "https://example.org/river");
        assertThat(published.location()).startsWith("/p/");
        long id = idFrom(published.location());

        WebClient bobs = signedIn(bob);
        WebClient.Response commented = bobs.post("/p/" + id + "/comments", "body", "Nice one @" + ana.handle());
        assertThat(commented.location()).startsWith("/p/" + id + "#c");
        long commentId = Long.parseLong(commented.location().replaceAll(".*#c", ""));
        anas.post("/p/" + id + "/comments", "body", "Thanks!", "parentId", Long.toString(commentId));
        bobs.post("/p/" + id + "/like", "returnTo", "/p/" + id);
        assertThat(bobs.get("/p/" + id).body()).contains("formaction=\"/p/" + id + "/unlike\"").contains("form=\"card-actions\"")
                .contains("<form id=\"card-actions\" method=\"post\"");

        WebClient.Response page = new WebClient(port).get("/p/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Rivers &lt;b&gt;&amp; lakes&lt;/b&gt;");
        assertThat(page.body()).contains("Rivers &lt;b&gt;&amp; lakes&lt;/b&gt;").contains("<em>this</em>")
                .doesNotContain("<script>alert(1)").contains("href=\"https://example.org/river\"")
                .contains("Nice one <a href=\"/&#64;" + ana.handle() + "\"").contains("Thanks!").contains("indent-1").contains("1 like").contains("2 comments")
                .contains("Log in to comment");
        assertThat(new WebClient(port).get("/p/" + id + "/likes").body()).contains("@" + bob.handle());
        assertThat(new WebClient(port).get("/p/" + id).body()).doesNotContain("/p/" + id + "/like\"").doesNotContain("card-actions");
    }

    @Test
    void mistakesInTheComposerComeBackWithTheTextKept() {
        Account ana = members.active("ana");
        Group g = group(ana, "PUBLIC");
        WebClient anas = signedIn(ana);
        WebClient.Response refused = anas.post("/groups/" + g.slug() + "/posts", "title", "Kept title", "body", "", "link", "javascript:alert(1)");
        assertThat(refused.location()).isEqualTo("/groups/" + g.slug());
        assertThat(anas.post("/p/" + posts.publish(ana, null, PostServiceIntegrationTest.draft("x")).id() + "/comments", "body", "")
                .location()).endsWith("#comment-form");
    }

    @Test
    void privatePostsAnswerNotFoundToOutsidersEverywhere() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Group g = group(ana, "PRIVATE");
        Post secret = posts.publish(ana, g.id(), new PostService.Draft("Secret title", "secret body", null));
        WebClient eves = signedIn(eve);
        WebClient visitor = new WebClient(port);

        for (WebClient who : List.of(eves, visitor)) {
            WebClient.Response page = who.get("/p/" + secret.id());
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).doesNotContain("Secret title").doesNotContain("secret body");
            assertThat(who.get("/p/" + secret.id() + "/likes").status()).isEqualTo(404);
        }
        assertThat(eves.post("/p/" + secret.id() + "/comments", "body", "let me in").status()).isEqualTo(404);
        assertThat(eves.post("/p/" + secret.id() + "/like").status()).isEqualTo(404);
        assertThat(visitor.post("/p/" + secret.id() + "/like").location()).isEqualTo("/login");
    }

    @Test
    void nobodyEditsOrDeletesAnothersPostOrComment() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post anas = posts.publish(ana, null, PostServiceIntegrationTest.draft("mine"));
        Comment comment = posts.comment(ana, anas.id(), "my comment", null);
        WebClient bobs = signedIn(bob);

        assertThat(bobs.get("/p/" + anas.id() + "/edit").status()).isEqualTo(403);
        assertThat(bobs.post("/p/" + anas.id() + "/edit", "body", "hijacked").status()).isEqualTo(403);
        assertThat(bobs.post("/p/" + anas.id() + "/delete").status()).isEqualTo(403);
        assertThat(bobs.get("/comments/" + comment.id() + "/edit").status()).isEqualTo(403);
        assertThat(bobs.post("/comments/" + comment.id() + "/delete").status()).isEqualTo(403);
        assertThat(bobs.postWithoutCsrf("/p/" + anas.id() + "/like").status()).isEqualTo(403);
        assertThat(posts.read(anas.id(), null).body()).isEqualTo("mine");

        WebClient owner = signedIn(ana);
        assertThat(owner.post("/p/" + anas.id() + "/edit", "title", "", "body", "edited").location()).isEqualTo("/p/" + anas.id());
        assertThat(owner.get("/p/" + anas.id()).body()).contains("edited");
    }

    @Test
    void theApiWritesAndReadsWithTheSameRules() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Group g = group(ana, "PRIVATE");
        String anaToken = "Bearer " + tokens.createFor(ana.id(), "t");
        String eveToken = "Bearer " + tokens.createFor(eve.id(), "t");
        WebClient api = new WebClient(port);

        WebClient.Response created = api.postJson("/api/v1/groups/" + g.slug() + "/posts", Map.of("body", "API **post**", "link", "https://example.org"),
                "Authorization", anaToken);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("bodyHtml").asString()).contains("<strong>post</strong>");
        assertThat(created.json().get("group").get("slug").asString()).isEqualTo(g.slug());

        assertThat(api.get("/api/v1/posts/" + id, "Authorization", anaToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/posts/" + id, "Authorization", eveToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/posts/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/posts/" + id + "/comments", "Authorization", eveToken).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/groups/" + g.slug() + "/posts", Map.of("body", "x"), "Authorization", eveToken).status()).isEqualTo(403);
        assertThat(api.sendJson("PATCH", "/api/v1/posts/" + id, Map.of("body", "x"), "Authorization", eveToken).status()).isEqualTo(404);

        WebClient.Response comment = api.postJson("/api/v1/posts/" + id + "/comments", Map.of("body", "first"), "Authorization", anaToken);
        assertThat(comment.status()).isEqualTo(201);
        String commentId = comment.json().get("id").asString();
        WebClient.Response reply = api.postJson("/api/v1/posts/" + id + "/comments", Map.of("body", "reply", "parentId", commentId), "Authorization", anaToken);
        assertThat(reply.json().get("parentId").asString()).isEqualTo(commentId);
        WebClient.Response list = api.get("/api/v1/posts/" + id + "/comments", "Authorization", anaToken);
        assertThat(list.json().get("items")).hasSize(2);
        assertThat(list.json().get("next").isNull()).isTrue();

        assertThat(api.sendJson("PUT", "/api/v1/posts/" + id + "/like", "", "Authorization", anaToken).json().get("likeCount").asInt()).isEqualTo(1);
        assertThat(api.sendJson("PATCH", "/api/v1/posts/" + id, Map.of("title", "Now titled"), "Authorization", anaToken)
                .json().get("title").asString()).isEqualTo("Now titled");
        assertThat(api.postJson("/api/v1/posts/" + id + "/comments", Map.of("body", "x", "parentId", "abc"), "Authorization", anaToken).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/posts", Map.of("body", ""), "Authorization", anaToken).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/posts", Map.of("body", "x")).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/posts/" + id, "Authorization", eveToken).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/posts/" + id, "Authorization", anaToken).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/posts/" + id, "Authorization", anaToken).status()).isEqualTo(404);
    }
}
