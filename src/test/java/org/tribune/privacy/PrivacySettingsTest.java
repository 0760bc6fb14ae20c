package org.tribune.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Audience;
import org.tribune.account.Members;
import org.tribune.account.MentionPolicy;
import org.tribune.account.PrivacySettings;
import org.tribune.account.TokenService;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/** Each privacy setting holds on the pages, in the API and in notifications alike. */
@IntegrationTest
class PrivacySettingsTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AccountService accounts;
    @Autowired
    TokenService tokens;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    PostService posts;
    @Autowired
    FollowService follows;
    @Autowired
    JdbcClient db;

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    private String[] bearer(Account account) {
        return new String[] {"Authorization", "Bearer " + tokens.createFor(account.id(), "test")};
    }

    private Account withBio(String prefix, PrivacySettings settings) {
        Account ana = members.active(prefix);
        accounts.updateProfile(ana.id(), ana.handle(), "Secret bio " + EverythingFixture.word());
        accounts.updatePrivacy(ana.id(), settings);
        return members.reload(ana);
    }

    @Test
    void profileDetailsForMembersOnlyAreHiddenFromVisitorsOnPagesAndApi() {
        Account ana = withBio("prof", new PrivacySettings(Audience.MEMBERS, Audience.EVERYONE, Audience.EVERYONE,
                MentionPolicy.EVERYONE, false));
        Account bob = members.active("bob");
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/@" + ana.handle()).body()).doesNotContain(ana.bio())
                .contains("This person shows their profile details to fewer people.");
        assertThat(visitor.get("/api/v1/users/" + ana.handle()).json().get("bio").isNull()).isTrue();
        assertThat(signedIn(bob).get("/@" + ana.handle()).body()).contains(ana.bio());
        assertThat(new WebClient(port).get("/api/v1/users/" + ana.handle(), bearer(bob)).json().get("bio").asString())
                .isEqualTo(ana.bio());
    }

    @Test
    void profileDetailsForNobodyAreSeenByTheirOwnerAlone() {
        Account ana = withBio("nob", new PrivacySettings(Audience.NOBODY, Audience.EVERYONE, Audience.EVERYONE,
                MentionPolicy.EVERYONE, false));
        Account bob = members.active("bob");
        assertThat(signedIn(bob).get("/@" + ana.handle()).body()).doesNotContain(ana.bio());
        assertThat(new WebClient(port).get("/api/v1/users/" + ana.handle(), bearer(bob)).json().get("bio").isNull()).isTrue();
        assertThat(signedIn(ana).get("/@" + ana.handle()).body()).contains(ana.bio());
    }

    @Test
    void hiddenGroupsAreNotListedOnTheProfile() {
        Account ana = withBio("grp", new PrivacySettings(Audience.EVERYONE, Audience.NOBODY, Audience.EVERYONE,
                MentionPolicy.EVERYONE, false));
        Group group = groups.create(ana, new GroupForm("pg-" + EverythingFixture.word(), "Hidden hobby " + EverythingFixture.word(),
                "", "en", "PUBLIC", "OPEN", List.of(), false));
        Account bob = members.active("bob");
        assertThat(signedIn(bob).get("/@" + ana.handle()).body()).doesNotContain(group.name());
        assertThat(new WebClient(port).get("/@" + ana.handle()).body()).doesNotContain(group.name());
        assertThat(signedIn(ana).get("/@" + ana.handle()).body()).contains(group.name());
    }

    @Test
    void hiddenGroupsLeaveTheMemberListsExceptForTheGroupsModerators() {
        Account ana = withBio("lst", new PrivacySettings(Audience.EVERYONE, Audience.MEMBERS, Audience.EVERYONE,
                MentionPolicy.EVERYONE, false));
        Account owner = members.active("own");
        Account bob = members.active("bob");
        Group group = groups.create(owner, new GroupForm("ml-" + EverythingFixture.word(), "Listed " + EverythingFixture.word(),
                "", "en", "PUBLIC", "OPEN", List.of(), false));
        groupJoining.join(ana, group.slug(), List.of());
        String path = "/groups/" + group.slug() + "/members";
        assertThat(new WebClient(port).get(path).body()).doesNotContain(ana.handle());
        assertThat(new WebClient(port).get("/api/v1/groups/" + group.slug() + "/members").body()).doesNotContain(ana.handle());
        assertThat(signedIn(bob).get(path).body()).contains(ana.handle());
        accounts.updatePrivacy(ana.id(), new PrivacySettings(Audience.EVERYONE, Audience.NOBODY, Audience.EVERYONE,
                MentionPolicy.EVERYONE, false));
        assertThat(signedIn(bob).get(path).body()).doesNotContain(ana.handle());
        assertThat(signedIn(owner).get(path).body()).contains(ana.handle());
    }

    @Test
    void hiddenFollowsAreRefusedOnPagesAndApi() {
        Account ana = withBio("fol", new PrivacySettings(Audience.EVERYONE, Audience.EVERYONE, Audience.MEMBERS,
                MentionPolicy.EVERYONE, false));
        Account bob = members.active("bob");
        follows.follow(bob, ana.handle());
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/@" + ana.handle() + "/followers").status()).isEqualTo(403);
        assertThat(visitor.get("/@" + ana.handle() + "/following").status()).isEqualTo(403);
        assertThat(visitor.get("/api/v1/users/" + ana.handle() + "/followers").status()).isEqualTo(403);
        assertThat(visitor.get("/api/v1/users/" + ana.handle()).json().get("followers").isNull()).isTrue();
        assertThat(visitor.get("/@" + ana.handle()).body()).doesNotContain("/@" + ana.handle() + "/followers");
        assertThat(signedIn(bob).get("/@" + ana.handle() + "/followers").body()).contains(bob.handle());
        assertThat(new WebClient(port).get("/api/v1/users/" + ana.handle() + "/followers", bearer(bob)).status()).isEqualTo(200);
    }

    @Test
    void mentionsFollowThePersonsChoiceInTextAndNotifications() {
        Account ana = withBio("men", new PrivacySettings(Audience.EVERYONE, Audience.EVERYONE, Audience.EVERYONE,
                MentionPolicy.FOLLOWED, false));
        Account stranger = members.active("str");
        Account friend = members.active("frd");
        follows.follow(ana, friend.handle());

        Post refused = posts.publish(stranger, null, new PostService.Draft("", "Hey @" + ana.handle(), null));
        assertThat(refused.bodyHtml()).doesNotContain("href=\"/&#64;" + ana.handle());
        Post allowed = posts.publish(friend, null, new PostService.Draft("", "Hello @" + ana.handle(), null));
        assertThat(allowed.bodyHtml()).contains("href=\"/&#64;" + ana.handle());
        await().atMost(Duration.ofSeconds(5)).until(() -> mentionsOf(ana, allowed.id()) == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> mentionsOf(ana, refused.id()) == 0);

        // through the API too, and nobody at all once she says so
        accounts.updatePrivacy(ana.id(), new PrivacySettings(Audience.EVERYONE, Audience.EVERYONE, Audience.EVERYONE,
                MentionPolicy.NOBODY, false));
        WebClient.Response viaApi = new WebClient(port).postJson("/api/v1/posts", Map.of("body", "Again @" + ana.handle()),
                bearer(friend));
        assertThat(viaApi.status()).as(viaApi.body()).isEqualTo(201);
        long apiPost = Long.parseLong(viaApi.json().get("id").asString());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> mentionsOf(ana, apiPost) == 0);
        assertThat(viaApi.json().toString()).doesNotContain("href=\\\"/&#64;" + ana.handle());
    }

    private long mentionsOf(Account account, long postId) {
        return db.sql("select count(*) from notification where recipient_id = ? and kind = 'MENTION' and post_id = ?")
                .params(account.id(), postId).query(Long.class).single();
    }

    @Test
    void profilesAreNotIndexedUnlessThePersonAsksAndPrivateGroupsNeverAre() {
        Account ana = members.active("idx");
        String noindex = "<meta name=\"robots\" content=\"noindex\">";
        assertThat(new WebClient(port).get("/@" + ana.handle()).body()).contains(noindex);
        WebClient browser = signedIn(ana);
        browser.post("/settings/privacy", "profile", "EVERYONE", "groups", "EVERYONE", "follows", "EVERYONE",
                "mentions", "EVERYONE", "indexable", "true");
        assertThat(accounts.privacy(ana.id()).indexable()).isTrue();
        assertThat(new WebClient(port).get("/@" + ana.handle()).body()).doesNotContain(noindex);

        Group secret = groups.create(ana, new GroupForm("sg-" + EverythingFixture.word(), "Secret", "", "en", "PRIVATE",
                "OPEN", List.of(), false));
        assertThat(browser.get("/groups/" + secret.slug()).body()).contains(noindex);
        assertThat(new WebClient(port).get("/groups/" + secret.slug()).body()).contains(noindex);
    }

    @Test
    void theApiReadsAndChangesTheSettingsAndRefusesNonsense() {
        Account ana = members.active("api");
        String[] auth = bearer(ana);
        WebClient api = new WebClient(port);
        assertThat(api.get("/api/v1/me/privacy", auth).json().get("searchEngines").asBoolean()).isFalse();
        WebClient.Response changed = api.sendJson("PUT", "/api/v1/me/privacy", Map.of("profile", "MEMBERS", "groups", "NOBODY",
                "follows", "EVERYONE", "mentions", "FOLLOWED", "searchEngines", true), auth);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(accounts.privacy(ana.id())).isEqualTo(new PrivacySettings(Audience.MEMBERS, Audience.NOBODY,
                Audience.EVERYONE, MentionPolicy.FOLLOWED, true));
        WebClient.Response nonsense = api.sendJson("PUT", "/api/v1/me/privacy", Map.of("profile", "ALIENS", "groups", "NOBODY",
                "follows", "EVERYONE", "mentions", "FOLLOWED", "searchEngines", true), auth);
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.header("Content-Type")).contains("problem+json");
        assertThat(api.get("/api/v1/me/privacy").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/data", auth).json().get("categories").size()).isGreaterThan(10);
    }
}
