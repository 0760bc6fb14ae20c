package org.tribune.follow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class FollowWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    FollowService follows;
    @Autowired
    TokenService tokens;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "test");
    }

    @Test
    void aMemberFollowsAndUnfollowsWithTheButtonOnTheLists() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        WebClient anas = signedIn(ana);

        WebClient.Response before = anas.get("/@" + bob.handle() + "/followers");
        assertThat(before.body()).contains("action=\"/@" + bob.handle() + "/follow\"").contains("Nobody follows");
        WebClient.Response followed = anas.post("/@" + bob.handle() + "/follow");
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.location()).isEqualTo("/@" + bob.handle());
        assertThat(follows.isFollowing(ana.id(), bob.id())).isTrue();

        WebClient.Response after = anas.get("/@" + bob.handle() + "/followers");
        assertThat(after.body()).contains("action=\"/@" + bob.handle() + "/unfollow\"")
                .contains("href=\"/@" + ana.handle() + "\"").contains("@" + ana.handle());
        assertThat(anas.get("/@" + ana.handle() + "/following").body()).contains("@" + bob.handle())
                .doesNotContain("action=\"/@" + ana.handle() + "/follow\"");

        WebClient.Response unfollowed = anas.post("/@" + bob.handle() + "/unfollow");
        assertThat(unfollowed.location()).isEqualTo("/@" + bob.handle());
        assertThat(follows.isFollowing(ana.id(), bob.id())).isFalse();
    }

    @Test
    void aFollowFormWithoutItsCsrfTokenIsRefused() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        WebClient anas = signedIn(ana);

        assertThat(anas.postWithoutCsrf("/@" + bob.handle() + "/follow").status()).isEqualTo(403);
        assertThat(follows.isFollowing(ana.id(), bob.id())).isFalse();
    }

    @Test
    void visitorsAreSentToLoginToFollowButReadTheLists() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        follows.follow(ana, bob.handle());
        WebClient visitor = new WebClient(port);

        WebClient.Response refused = visitor.post("/@" + bob.handle() + "/follow");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).isEqualTo("/login");
        assertThat(visitor.post("/@" + bob.handle() + "/unfollow").location()).isEqualTo("/login");

        WebClient.Response followers = visitor.get("/@" + bob.handle() + "/followers");
        assertThat(followers.status()).isEqualTo(200);
        assertThat(followers.h1()).isEqualTo("People who follow " + bob.displayName());
        assertThat(followers.body()).contains("@" + ana.handle()).doesNotContain("/follow\"").contains("noindex");
        WebClient.Response following = visitor.get("/@" + ana.handle() + "/following");
        assertThat(following.status()).isEqualTo(200);
        assertThat(following.body()).contains("href=\"/@" + bob.handle() + "\"");
        assertThat(visitor.get("/@" + bob.handle() + "/followers", "Accept-Language", "fr").h1())
                .isEqualTo("Personnes qui suivent " + bob.displayName());
    }

    @Test
    void listsOfUnknownOrSuspendedPeopleAreNotFound() {
        Account eve = members.active("eve");
        members.suspend(eve);
        WebClient visitor = new WebClient(port);

        assertThat(visitor.get("/@" + Members.uniqueHandle("nobody") + "/followers").status()).isEqualTo(404);
        assertThat(visitor.get("/@" + eve.handle() + "/following").status()).isEqualTo(404);
        assertThat(signedIn(members.active("ana")).post("/@" + Members.uniqueHandle("nobody") + "/follow").status()).isEqualTo(404);
    }

    @Test
    void followingYourselfIsAConflictOnThePage() {
        Account ana = members.active("ana");
        WebClient.Response refused = signedIn(ana).post("/@" + ana.handle() + "/follow");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("You cannot follow yourself.");
    }

    @Test
    void theApiFollowsUnfollowsAndListsWithTheSameRules() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        String anas = bearer(ana);
        WebClient api = new WebClient(port);

        assertThat(api.sendJson("PUT", "/api/v1/users/" + bob.handle() + "/follow", "", "Authorization", anas).status()).isEqualTo(204);
        assertThat(api.sendJson("PUT", "/api/v1/users/" + bob.handle() + "/follow", "", "Authorization", anas).status()).isEqualTo(204);
        assertThat(follows.counts(bob.id()).followers()).isEqualTo(1);

        JsonNode followers = api.get("/api/v1/users/" + bob.handle() + "/followers").json();
        assertThat(followers.get("items")).hasSize(1);
        JsonNode first = followers.get("items").get(0);
        assertThat(first.get("id").isString()).isTrue();
        assertThat(first.get("id").asString()).isEqualTo(Long.toString(ana.id()));
        assertThat(first.get("handle").asString()).isEqualTo(ana.handle());
        assertThat(first.get("displayName").asString()).isEqualTo(ana.displayName());
        assertThat(followers.get("next").isNull()).isTrue();
        assertThat(api.get("/api/v1/users/" + ana.handle() + "/following").json().get("items").get(0).get("handle").asString())
                .isEqualTo(bob.handle());

        assertThat(api.delete("/api/v1/users/" + bob.handle() + "/follow", "Authorization", anas).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/users/" + bob.handle() + "/follow", "Authorization", anas).status()).isEqualTo(204);
        assertThat(follows.isFollowing(ana.id(), bob.id())).isFalse();
    }

    @Test
    void theApiProfileShowsPublicFieldsOnly() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        follows.follow(ana, bob.handle());
        WebClient api = new WebClient(port);

        WebClient.Response asAna = api.get("/api/v1/users/" + bob.handle(), "Authorization", bearer(ana));
        assertThat(asAna.status()).isEqualTo(200);
        JsonNode profile = asAna.json();
        assertThat(profile.propertyNames()).containsExactlyInAnyOrder("id", "handle", "displayName", "bio", "followers",
                "following", "followedByMe", "avatarUrl", "earlierNames");
        assertThat(profile.get("id").asString()).isEqualTo(Long.toString(bob.id()));
        assertThat(profile.get("followers").asLong()).isEqualTo(1);
        assertThat(profile.get("following").asLong()).isZero();
        assertThat(profile.get("followedByMe").asBoolean()).isTrue();
        assertThat(asAna.body()).doesNotContain(bob.email());

        WebClient.Response asVisitor = api.get("/api/v1/users/" + bob.handle());
        assertThat(asVisitor.status()).isEqualTo(200);
        assertThat(asVisitor.json().get("followedByMe").asBoolean()).isFalse();
    }

    @Test
    void theApiAnswersFailuresAsProblemDetails() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account waiting = members.waiting("wait");
        WebClient api = new WebClient(port);
        String nobody = Members.uniqueHandle("nobody");

        WebClient.Response anonymous = api.sendJson("PUT", "/api/v1/users/" + bob.handle() + "/follow", "");
        assertProblem(anonymous, 401, "problem.401");
        assertProblem(api.delete("/api/v1/users/" + bob.handle() + "/follow"), 401, "problem.401");

        assertProblem(api.get("/api/v1/users/" + nobody), 404, "problem.not-found");
        assertProblem(api.get("/api/v1/users/" + nobody + "/followers"), 404, "problem.not-found");
        assertProblem(api.sendJson("PUT", "/api/v1/users/" + nobody + "/follow", "", "Authorization", bearer(ana)), 404,
                "problem.not-found");

        WebClient.Response self = api.sendJson("PUT", "/api/v1/users/" + ana.handle() + "/follow", "", "Authorization", bearer(ana));
        assertProblem(self, 409, "follow.not-yourself");
        assertThat(self.json().get("detail").asString()).isEqualTo("You cannot follow yourself.");

        assertProblem(api.sendJson("PUT", "/api/v1/users/" + bob.handle() + "/follow", "", "Authorization", bearer(waiting)),
                403, "follow.active-members-only");
        assertProblem(api.get("/api/v1/users/" + bob.handle() + "/following?before=soon"), 400, "problem.invalid-input");
        assertThat(api.get("/api/v1/users/" + bob.handle() + "/following?before=soon").json().get("errors").get(0)
                .get("field").asString()).isEqualTo("before");
    }

    static void assertProblem(WebClient.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).startsWith("https://");
    }
}
