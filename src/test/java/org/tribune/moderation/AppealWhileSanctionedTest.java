package org.tribune.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.notification.NotificationKind;
import org.tribune.notification.Notifications;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

import tools.jackson.databind.JsonNode;

/**
 * "The affected person is notified and may appeal once; appeals go to a different moderator": also when the decision
 * is a suspension, which otherwise shuts them out, and when it is a ban from a group.
 */
@IntegrationTest
class AppealWhileSanctionedTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trust;
    @Autowired
    PostService posts;
    @Autowired
    FlagService flags;
    @Autowired
    ModerationService moderation;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    TokenService tokens;
    @Autowired
    Notifications notifications;

    Account withLevel(String prefix, TrustLevel level) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), level);
        return account;
    }

    record Scene(Account troll, Account first, Account second, ModerationAction suspension, Post othersPost,
            Group group, String token) {
    }

    /** A member with a token and a group, suspended for a week by a first moderator; a second moderator stands by. */
    Scene suspended() {
        Account troll = withLevel("troll", TrustLevel.MEMBER);
        Account owner = withLevel("owner", TrustLevel.BASIC);
        Group group = groups.create(owner, new GroupForm("susp-" + Long.toString(System.nanoTime(), 36), "Open house", "",
                "en", "PUBLIC", "OPEN", List.of(), false));
        Post othersPost = posts.publish(owner, group.id(), new PostService.Draft("", "Welcome, everyone", null));
        String token = "Bearer " + tokens.createFor(troll.id(), "script");
        Account first = members.withRole("first", Role.MODERATOR);
        Account second = members.withRole("second", Role.MODERATOR);
        ModerationAction suspension = moderation.suspend(first, troll.handle(), 7, "conduct-2", "Insulted newcomers");
        return new Scene(members.reload(troll), first, second, suspension, othersPost, group, token);
    }

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    @Test
    void aSuspendedPersonSignsInToSeeTheDecisionWhyUnderWhichRuleAndUntilWhen() {
        Scene s = suspended();
        WebClient browser = new WebClient(port);
        WebClient.Response login = browser.login(s.troll().email(), Members.PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).isEqualTo("/");
        WebClient.Response home = browser.get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).isEqualTo("/moderation/mine");

        WebClient.Response page = browser.get("/moderation/mine");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"suspended-notice\"").contains("id=\"action-" + s.suspension().id() + "\"")
                .contains("Account suspended").contains("Insulted newcomers").contains("Until")
                .contains(s.suspension().until().toString().substring(0, 10))
                .contains("action=\"/moderation/actions/" + s.suspension().id() + "/appeal\"");
        assertThat(browser.get("/conduct").status()).isEqualTo(200);

        JsonNode mine = new WebClient(port).get("/api/v1/moderation/mine", "Authorization", s.token()).json();
        assertThat(mine.get(0).get("id").asString()).isEqualTo(Long.toString(s.suspension().id()));
        assertThat(mine.get(0).get("action").asString()).isEqualTo("suspend");
        assertThat(mine.get(0).get("rule").asString()).isEqualTo("conduct-2");
        assertThat(mine.get(0).get("reason").asString()).isEqualTo("Insulted newcomers");
        assertThat(mine.get(0).get("until").asString()).isNotBlank();
        assertThat(mine.get(0).get("appealable").asBoolean()).isTrue();
    }

    @Test
    void aSuspendedPersonAppealsOnceAndAnotherModeratorDecides() {
        Scene s = suspended();
        WebClient browser = signedIn(s.troll());
        WebClient.Response sent = browser.post("/moderation/actions/" + s.suspension().id() + "/appeal",
                "body", "I apologised to them the same day.");
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).isEqualTo("/moderation/mine");
        assertThat(browser.get("/moderation/mine").body()).contains("You already appealed this decision.")
                .doesNotContain("action=\"/moderation/actions/" + s.suspension().id() + "/appeal\"");
        Appeal appeal = moderation.appealOf(s.suspension().id()).orElseThrow();
        assertThat(appeal.appellantId()).isEqualTo(s.troll().id());

        // A second appeal is refused, on the web (nothing new is stored), through the API and in the service.
        browser.post("/moderation/actions/" + s.suspension().id() + "/appeal", "body", "Again");
        assertThat(moderation.appealOf(s.suspension().id()).orElseThrow().body()).isEqualTo("I apologised to them the same day.");
        WebClient api = new WebClient(port);
        assertThat(api.postJson("/api/v1/moderation/actions/" + s.suspension().id() + "/appeal", Map.of("body", "Again"),
                "Authorization", s.token()).status()).isEqualTo(409);
        assertThatThrownBy(() -> moderation.appeal(s.troll(), s.suspension().id(), "Again")).isInstanceOf(Conflict.class);
        JsonNode mine = api.get("/api/v1/moderation/mine", "Authorization", s.token()).json();
        assertThat(mine.get(0).get("appealable").asBoolean()).isFalse();
        assertThat(mine.get(0).get("appeal").asString()).isEqualTo("open");

        // It goes to another moderator: the one who suspended neither sees it nor may decide it, nor is told of it.
        assertThat(moderation.appeals(s.first())).noneMatch(c -> c.appeal().id() == appeal.id());
        assertThatThrownBy(() -> moderation.decideAppeal(s.first(), appeal.id(), true, "")).isInstanceOf(Forbidden.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(s.second().id(), null).entries().stream()
                .anyMatch(e -> e.kind() == NotificationKind.APPEAL_TO_DECIDE));
        assertThat(notifications.page(s.first().id(), null).entries()).noneMatch(e -> e.kind() == NotificationKind.APPEAL_TO_DECIDE);
        assertThat(moderation.appeals(s.second())).anyMatch(c -> c.appeal().id() == appeal.id());
        ModerationAction reversed = moderation.decideAppeal(s.second(), appeal.id(), true, "Apology accepted");
        assertThat(reversed.appealOf()).isEqualTo(s.suspension().id());
        assertThat(members.reload(s.troll()).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(browser.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void aSuspendedPersonCanDoNothingElseOnTheWeb() {
        Scene s = suspended();
        WebClient browser = signedIn(s.troll());
        long post = s.othersPost().id();
        String slug = s.group().slug();
        String[][] refused = {
            {"/posts", "body", "Still here"},                       // post
            {"/groups/" + slug + "/posts", "body", "Still here"},   // post in a group
            {"/p/" + post + "/comments", "body", "Still here"},      // comment
            {"/p/" + post + "/like"},                                // like
            {"/p/" + post + "/flag", "reason", "spam"},             // flag
            {"/p/" + post + "/notes", "body", "Context"},           // write a note
            {"/notes/1/rate", "helpful", "yes"},                    // rate a note
            {"/p/" + post + "/edit", "body", "Vandalised"},          // edit
            {"/groups/" + slug + "/join"},                           // join
            {"/groups", "slug", "mine-" + post, "name", "Mine"},     // create a group
            {"/p/" + post + "/share"},                               // share
            {"/@" + s.first().handle() + "/follow"},                // follow
            {"/settings/profile", "displayName", "Innocent"},       // edit the profile
        };
        for (String[] request : refused) {
            String[] fields = java.util.Arrays.copyOfRange(request, 1, request.length);
            WebClient.Response answer = browser.post(request[0], fields);
            assertThat(answer.status()).as(request[0]).isEqualTo(302);
            assertThat(answer.location()).as(request[0]).isEqualTo("/moderation/mine");
        }
        for (String page : new String[] {"/", "/groups", "/p/" + post, "/settings", "/notifications", "/moderation/log",
                "/moderation/appeals", "/groups/" + slug}) {
            WebClient.Response answer = browser.get(page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.location()).as(page).isEqualTo("/moderation/mine");
        }
        assertThat(posts.comments(post, s.troll().id(), 0, 100)).isEmpty();
        assertThat(posts.read(post, s.first().id()).body()).isEqualTo("Welcome, everyone");
        assertThat(groups.mine(s.troll().id())).noneMatch(g -> g.id() == s.group().id());
        // Signing out still works.
        assertThat(browser.post("/logout").location()).isEqualTo("/?signedOut");
        assertThat(browser.get("/moderation/mine").location()).isEqualTo("/login");
    }

    @Test
    void aSuspendedPersonCanDoNothingElseThroughTheApi() {
        Scene s = suspended();
        WebClient api = new WebClient(port);
        long post = s.othersPost().id();
        String[][] refused = {
            {"POST", "/api/v1/posts", "{\"body\":\"Still here\"}"},
            {"POST", "/api/v1/posts/" + post + "/comments", "{\"body\":\"Still here\"}"},
            {"POST", "/api/v1/posts/" + post + "/likes", "{}"},
            {"POST", "/api/v1/posts/" + post + "/flags", "{\"reason\":\"spam\"}"},
            {"POST", "/api/v1/groups/" + s.group().slug() + "/members", "{}"},
            {"POST", "/api/v1/tokens", "{}"},
            {"GET", "/api/v1/me", null},
            {"GET", "/api/v1/posts/" + post, null},
        };
        for (String[] request : refused) {
            WebClient.Response answer = request[2] == null ? api.get(request[1], "Authorization", s.token())
                    : api.sendJson(request[0], request[1], request[2], "Authorization", s.token());
            assertThat(answer.status()).as(request[1]).isEqualTo(403);
            assertThat(answer.json().get("code").asString()).as(request[1]).isEqualTo("login.suspended");
        }
        // A new token is not given either.
        WebClient.Response created = api.postJson("/api/v1/tokens",
                Map.of("email", s.troll().email(), "password", Members.PASSWORD, "name", "new"));
        assertThat(created.status()).isEqualTo(403);

        // The services refuse too, whatever the door.
        Account troll = s.troll();
        assertThatThrownBy(() -> posts.publish(troll, null, new PostService.Draft("", "Still here", null)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> posts.comment(troll, post, "Still here", null)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> flags.flag(troll, TargetKind.POST, post, FlagReason.SPAM)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> groupJoining.join(troll, s.group().slug(), List.of())).isInstanceOf(Forbidden.class);
    }

    @Test
    void aMemberBannedFromAGroupAppealsTheBanAndAnotherModeratorDecides() {
        Account owner = withLevel("gowner", TrustLevel.BASIC);
        Group group = groups.create(owner, new GroupForm("ban-" + Long.toString(System.nanoTime(), 36), "Strict club", "",
                "en", "PUBLIC", "OPEN", List.of(), false));
        Account deputy = withLevel("deputy", TrustLevel.BASIC);
        groupJoining.join(deputy, group.slug(), List.of());
        groupMembers.setRole(owner, group.slug(), deputy.handle(), "MODERATOR");
        Account member = withLevel("banned", TrustLevel.BASIC);
        groupJoining.join(member, group.slug(), List.of());
        ModerationAction ban = moderation.ban(owner, group.slug(), member.handle(), 30, "off-topic", "Adverts again");

        WebClient browser = signedIn(member);
        String page = browser.get("/moderation/mine").body();
        assertThat(page).contains("id=\"action-" + ban.id() + "\"").contains("Banned from the group").contains("Strict club")
                .contains("Adverts again").contains("Until").doesNotContain("id=\"suspended-notice\"");
        WebClient.Response sent = browser.post("/moderation/actions/" + ban.id() + "/appeal", "body", "Those were event links.");
        assertThat(sent.location()).isEqualTo("/moderation/mine");
        Appeal appeal = moderation.appealOf(ban.id()).orElseThrow();
        assertThatThrownBy(() -> moderation.appeal(member, ban.id(), "Again")).isInstanceOf(Conflict.class);

        assertThat(moderation.appeals(owner)).noneMatch(c -> c.appeal().id() == appeal.id());
        assertThatThrownBy(() -> moderation.decideAppeal(owner, appeal.id(), true, "")).isInstanceOf(Forbidden.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(deputy.id(), null).entries().stream()
                .anyMatch(e -> e.kind() == NotificationKind.APPEAL_TO_DECIDE));
        assertThat(notifications.page(owner.id(), null).entries()).noneMatch(e -> e.kind() == NotificationKind.APPEAL_TO_DECIDE);
        moderation.decideAppeal(deputy, appeal.id(), true, "Event links are welcome");
        groupJoining.join(member, group.slug(), List.of());
    }
}
