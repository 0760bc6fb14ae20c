package org.tribune.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.tribune.follow.FollowService;
import org.tribune.post.Post;
import org.tribune.post.PostService;

import tools.jackson.databind.JsonNode;

/** Blocks, mutes, word filters, reach and content warnings over the API, and who is refused. */
@IntegrationTest
class SafetyApiTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    @Autowired
    FollowService follows;
    @Autowired
    PostService posts;
    @Autowired
    SafetyService safety;

    String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "safety");
    }

    WebClient.Response put(String path, Object body, String token) {
        return new WebClient(port).sendJson("PUT", path, body == null ? "" : body, "Authorization", token);
    }

    List<String> handles(JsonNode listing) {
        return listing.get("items").valueStream().map(i -> i.get("handle").asString()).toList();
    }

    List<String> feedIds(String token) {
        return new WebClient(port).get("/api/v1/feed", "Authorization", token).json().get("items").valueStream()
                .map(e -> e.get("post").get("id").asString()).toList();
    }

    @Test
    void blockingAndUnblockingOverTheApiWithTheList() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        String token = bearer(ana);

        assertThat(put("/api/v1/users/" + bob.handle() + "/block", null, token).status()).isEqualTo(204);
        assertThat(put("/api/v1/users/" + bob.handle() + "/block", null, token).status()).isEqualTo(204);
        assertThat(handles(new WebClient(port).get("/api/v1/blocks", "Authorization", token).json())).containsExactly(bob.handle());
        // Nobody else sees whom ana blocked: the list is always the caller's own.
        assertThat(handles(new WebClient(port).get("/api/v1/blocks", "Authorization", bearer(bob)).json())).isEmpty();

        assertThat(new WebClient(port).delete("/api/v1/users/" + bob.handle() + "/block", "Authorization", token).status()).isEqualTo(204);
        assertThat(handles(new WebClient(port).get("/api/v1/blocks", "Authorization", token).json())).isEmpty();
    }

    @Test
    void toTheBlockedPersonABlockLooksExactlyLikeAbsence() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post anas = posts.publish(ana, null, new PostService.Draft("", "Ana's words", null));
        safety.block(ana, bob.handle());
        String bobs = bearer(bob);
        WebClient api = new WebClient(port);

        WebClient.Response profile = api.get("/api/v1/users/" + ana.handle(), "Authorization", bobs);
        WebClient.Response nobody = api.get("/api/v1/users/nobody_" + System.nanoTime(), "Authorization", bobs);
        assertThat(profile.status()).isEqualTo(404).isEqualTo(nobody.status());
        assertThat(profile.json().get("title")).isEqualTo(nobody.json().get("title"));
        assertThat(profile.json().get("detail")).isEqualTo(nobody.json().get("detail"));
        assertThat(profile.body()).doesNotContainIgnoringCase("block");

        WebClient.Response post = api.get("/api/v1/posts/" + anas.id(), "Authorization", bobs);
        WebClient.Response missing = api.get("/api/v1/posts/1", "Authorization", bobs);
        assertThat(post.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(post.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(api.get("/api/v1/users/" + ana.handle() + "/posts", "Authorization", bobs).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/posts/" + anas.id() + "/comments", "Authorization", bobs).status()).isEqualTo(404);
        assertThat(put("/api/v1/users/" + ana.handle() + "/follow", null, bobs).status()).isEqualTo(404);
        assertThat(new WebClient(port).postJson("/api/v1/posts/" + anas.id() + "/comments", Map.of("body", "hi"), "Authorization", bobs).status())
                .isEqualTo(404);
        // Visitors and everyone else still see ana.
        assertThat(api.get("/api/v1/users/" + ana.handle()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/posts/" + anas.id()).status()).isEqualTo(200);
    }

    @Test
    void mutingTakesAnOptionalEndAndListsOnlyMutesThatHold() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account carol = members.active("carol");
        String token = bearer(ana);
        Instant until = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        assertThat(put("/api/v1/users/" + bob.handle() + "/mute", null, token).status()).isEqualTo(204);
        assertThat(put("/api/v1/users/" + carol.handle() + "/mute", Map.of("until", until.toString()), token).status()).isEqualTo(204);

        JsonNode list = new WebClient(port).get("/api/v1/mutes", "Authorization", token).json();
        assertThat(handles(list)).containsExactlyInAnyOrder(bob.handle(), carol.handle());
        JsonNode carols = list.get("items").valueStream().filter(i -> i.get("handle").asString().equals(carol.handle())).findFirst().orElseThrow();
        assertThat(Instant.parse(carols.get("until").asString())).isEqualTo(until);

        assertThat(new WebClient(port).delete("/api/v1/users/" + bob.handle() + "/mute", "Authorization", token).status()).isEqualTo(204);
        assertThat(handles(new WebClient(port).get("/api/v1/mutes", "Authorization", token).json())).containsExactly(carol.handle());
    }

    @Test
    void badRequestsAreRefusedClearly() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        String token = bearer(ana);

        assertThat(put("/api/v1/users/" + bob.handle() + "/mute", Map.of("until", "2001-01-01T00:00:00Z"), token).status()).isEqualTo(400);
        assertThat(put("/api/v1/users/" + bob.handle() + "/mute", Map.of("until", "tomorrow"), token).status()).isEqualTo(400);
        // An end past what the databases can store is refused, not a 500 (found by ApiFuzzTest on PostgreSQL).
        assertThat(put("/api/v1/users/" + bob.handle() + "/mute", Map.of("until", "20192737322126"), token).status()).isEqualTo(400);
        assertThat(put("/api/v1/users/" + ana.handle() + "/block", null, token).status()).isEqualTo(409);
        assertThat(put("/api/v1/users/nobody_" + System.nanoTime() + "/block", null, token).status()).isEqualTo(404);
        assertThat(new WebClient(port).sendJson("PUT", "/api/v1/users/" + bob.handle() + "/block", "").status()).isEqualTo(401);
        assertThat(new WebClient(port).get("/api/v1/blocks").status()).isEqualTo(401);
        assertThat(new WebClient(port).get("/api/v1/mutes").status()).isEqualTo(401);
        assertThat(new WebClient(port).get("/api/v1/filters").status()).isEqualTo(401);
        assertThat(put("/api/v1/me/reach", Map.of("mentions", "FRIENDS"), token).status()).isEqualTo(400);
    }

    @Test
    void wordFiltersHideOrFoldFeedEntriesAndBelongToTheirOwnerOnly() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        follows.follow(ana, bob.handle());
        String token = bearer(ana);
        Post spoiler = posts.publish(bob, null, new PostService.Draft("The Finale", "What a night", null));
        Post election = posts.publish(bob, null, new PostService.Draft("", "Les élections de dimanche", null));
        Post other = posts.publish(bob, null, new PostService.Draft("", "Nothing to see", null));

        WebClient.Response made = new WebClient(port).postJson("/api/v1/filters",
                Map.of("phrase", "finale", "contexts", List.of("HOME", "GROUPS"), "action", "WARN"), "Authorization", token);
        assertThat(made.status()).isEqualTo(201);
        String warnId = made.json().get("id").asString();
        WebClient.Response hide = new WebClient(port).postJson("/api/v1/filters",
                Map.of("phrase", "ELECTIONS", "contexts", List.of("HOME"), "action", "HIDE"), "Authorization", token);
        assertThat(hide.status()).isEqualTo(201);

        JsonNode feed = new WebClient(port).get("/api/v1/feed", "Authorization", token).json();
        assertThat(feedIds(token)).contains(Long.toString(spoiler.id()), Long.toString(other.id()))
                .doesNotContain(Long.toString(election.id()));
        JsonNode warned = feed.get("items").valueStream()
                .filter(e -> e.get("post").get("id").asString().equals(Long.toString(spoiler.id()))).findFirst().orElseThrow();
        assertThat(warned.get("filtered").get("phrase").asString()).isEqualTo("finale");
        assertThat(warned.get("filtered").get("action").asString()).isEqualTo("WARN");
        JsonNode plain = feed.get("items").valueStream()
                .filter(e -> e.get("post").get("id").asString().equals(Long.toString(other.id()))).findFirst().orElseThrow();
        assertThat(plain.get("filtered").isNull()).isTrue();

        // Someone else's filter does not exist for bob.
        assertThat(new WebClient(port).sendJson("PATCH", "/api/v1/filters/" + warnId, Map.of("action", "HIDE"), "Authorization", bearer(bob)).status())
                .isEqualTo(404);
        assertThat(new WebClient(port).delete("/api/v1/filters/" + warnId, "Authorization", bearer(bob)).status()).isEqualTo(404);

        WebClient.Response changed = new WebClient(port).sendJson("PATCH", "/api/v1/filters/" + warnId, Map.of("action", "HIDE"), "Authorization", token);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("contexts").valueStream().map(JsonNode::asString).toList()).containsExactly("HOME", "GROUPS");
        assertThat(feedIds(token)).doesNotContain(Long.toString(spoiler.id()));

        assertThat(new WebClient(port).delete("/api/v1/filters/" + warnId, "Authorization", token).status()).isEqualTo(204);
        assertThat(feedIds(token)).contains(Long.toString(spoiler.id()));
        assertThat(new WebClient(port).get("/api/v1/filters", "Authorization", token).json().get("items").size()).isEqualTo(1);
        // Bob's own feed is not filtered by ana's filters.
        assertThat(feedIds(bearer(bob))).contains(Long.toString(election.id()));
    }

    @Test
    void aFilterNeedsAPhraseAKnownContextAndAKnownAction() {
        String token = bearer(members.active("ana"));
        WebClient api = new WebClient(port);
        assertThat(api.postJson("/api/v1/filters", Map.of("phrase", " ", "contexts", List.of("HOME")), "Authorization", token).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/filters", Map.of("phrase", "x".repeat(101), "contexts", List.of("HOME")), "Authorization", token).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/filters", Map.of("phrase", "ok", "contexts", List.of("PROFILE")), "Authorization", token).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/filters", Map.of("phrase", "ok", "contexts", List.of()), "Authorization", token).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/filters", Map.of("phrase", "ok", "contexts", List.of("HOME"), "action", "BURN"), "Authorization", token).status()).isEqualTo(400);
        assertThat(api.sendJson("PATCH", "/api/v1/filters/12345", Map.of("action", "HIDE"), "Authorization", token).status()).isEqualTo(404);
        WebClient.Response tooFar = api.postJson("/api/v1/filters", Map.of("phrase", "671", "contexts", List.of("NOTIFICATIONS"),
                "action", "WARN", "until", "20192737322126"), "Authorization", token);
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.body()).contains("safety.until-too-far");
    }

    @Test
    void reachIsReadAndChangedByItsOwner() {
        Account ana = members.active("ana");
        String token = bearer(ana);
        JsonNode defaults = new WebClient(port).get("/api/v1/me/reach", "Authorization", token).json();
        assertThat(defaults.get("mentions").asString()).isEqualTo("EVERYONE");
        assertThat(defaults.get("profileReplies").asString()).isEqualTo("EVERYONE");

        WebClient.Response changed = put("/api/v1/me/reach",
                Map.of("mentions", "FOLLOWING", "profileReplies", "NOBODY", "groupInvitations", "FOLLOWING"), token);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("mentions").asString()).isEqualTo("FOLLOWING");
        assertThat(safety.reach(ana.id()).profileReplies()).isEqualTo(Reach.Audience.NOBODY);
        assertThat(safety.reach(ana.id()).groupInvitations()).isEqualTo(Reach.Audience.FOLLOWING);
        assertThat(safety.mayMention(members.active("bob").id(), ana.id())).isFalse();
    }

    @Test
    void postsAndCommentsTakeAndShowAContentWarning() {
        Account ana = members.active("ana");
        String token = bearer(ana);
        WebClient.Response made = new WebClient(port).postJson("/api/v1/posts",
                Map.of("body", "The detective was the butler", "contentWarning", "spoilers for the novel"), "Authorization", token);
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("contentWarning").asString()).isEqualTo("spoilers for the novel");
        String id = made.json().get("id").asString();
        assertThat(new WebClient(port).get("/api/v1/posts/" + id).json().get("contentWarning").asString()).isEqualTo("spoilers for the novel");

        WebClient.Response comment = new WebClient(port).postJson("/api/v1/posts/" + id + "/comments",
                Map.of("body", "No way", "contentWarning", "more spoilers"), "Authorization", token);
        assertThat(comment.status()).isEqualTo(201);
        assertThat(comment.json().get("contentWarning").asString()).isEqualTo("more spoilers");

        assertThat(new WebClient(port).postJson("/api/v1/posts", Map.of("body", "x", "contentWarning", "w".repeat(201)),
                "Authorization", token).status()).isEqualTo(400);
    }
}
