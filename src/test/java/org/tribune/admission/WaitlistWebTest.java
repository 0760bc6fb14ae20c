package org.tribune.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.follow.FollowService;
import org.tribune.group.Curation;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.Forbidden;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/** What a waiting person sees, and what they may not do yet. */
@IntegrationTest
class WaitlistWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Curation curation;
    @Autowired
    TrustLevels trustLevels;
    @Autowired
    Members members;
    @Autowired
    AdmissionService admission;
    @Autowired
    TokenService tokens;
    @Autowired
    PostService posts;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    FollowService follows;

    @AfterEach
    void openGates() {
        admission.setDailyQuota(null, 0);
    }

    Account waiting(String prefix) {
        admission.setDailyQuota(0, 0);
        Account account = members.verified(prefix);
        assertThat(account.state()).isEqualTo(AccountState.WAITING);
        return account;
    }

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    WebClient api(Account account) {
        return new WebClient(port).header("Authorization", "Bearer " + tokens.createFor(account.id(), "test"));
    }

    Group openGroup(Account owner) {
        return groups.create(owner, new GroupForm(("wl-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-'),
                "Waiting room", "", "en", "PUBLIC", "OPEN", List.of(), false));
    }

    @Test
    void aWaitingMemberLandsOnTheWaitlistPageWithTheirPlaceAndTheWaysIn() {
        Account ana = waiting("land");
        admission.setDailyQuota(7, 0);
        WebClient browser = signedIn(ana);

        assertThat(browser.get("/").location()).isEqualTo("/waitlist");
        WebClient.Response page = browser.get("/waitlist");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("You are on the waiting list");
        assertThat(page.body()).contains("Your place in the queue: " + admission.position(ana.id()).getAsLong() + ".")
                .contains("7 people are admitted each day").contains("href=\"/donate\"").contains("A way in sooner");
        assertThat(page.body().substring(page.body().indexOf("<main"))).as("inviting needs trust level 2, which a newcomer does not have")
                .doesNotContain("href=\"/invitations\"");
        browser.post("/settings/language", "locale", "fr", "returnTo", "/waitlist");
        assertThat(browser.get("/waitlist").body()).contains("Vous êtes sur la liste d’attente").contains("Votre place dans la file");

        TrustFixture.set(trustLevels, ana.id(), TrustLevel.MEMBER);
        assertThat(browser.get("/waitlist").body()).as("those who may invite are told so")
                .contains("Deux façons d’entrer plus tôt");
    }

    @Test
    void anActiveMemberIsSentHomeFromTheWaitlistPage() {
        Account bob = members.active("home");
        assertThat(signedIn(bob).get("/waitlist").location()).isEqualTo("/");
        assertThat(new WebClient(port).get("/waitlist").location()).isEqualTo("/login");
    }

    @Test
    void theApiTellsAWaitingPersonTheirPlace() {
        Account ana = waiting("api");

        var me = api(ana).get("/api/v1/me").json();

        assertThat(me.get("state").asString()).isEqualTo("WAITING");
        assertThat(me.get("waitlistPosition").asLong()).isEqualTo(admission.position(ana.id()).getAsLong()).isPositive();
        var active = api(members.active("in")).get("/api/v1/me").json();
        assertThat(active.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(active.has("waitlistPosition")).isFalse();
    }

    @Test
    void aWaitingPersonReadsPublicGroups() {
        Account owner = members.active("own");
        Group group = openGroup(owner);
        posts.publish(owner, group.id(), new PostService.Draft("Hello", "Readable by all", null));
        Account ana = waiting("read");

        WebClient.Response page = signedIn(ana).get("/groups/" + group.slug());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Readable by all");
    }

    @Test
    void aWaitingPersonCannotPost() {
        Account ana = waiting("post");

        assertThatThrownBy(() -> posts.publish(ana, null, new PostService.Draft(null, "Let me in", null)))
                .isInstanceOf(Forbidden.class);
        assertThat(api(ana).postJson("/api/v1/posts", Map.of("body", "Let me in")).status()).isEqualTo(403);
    }

    @Test
    void aWaitingPersonCannotComment() {
        Account author = members.active("author");
        Post post = posts.publish(author, null, new PostService.Draft(null, "Talk to me", null));
        Account ana = waiting("comment");

        assertThatThrownBy(() -> posts.comment(ana, post.id(), "Hi", null)).isInstanceOf(Forbidden.class);
        assertThat(api(ana).postJson("/api/v1/posts/" + post.id() + "/comments", Map.of("body", "Hi")).status())
                .isEqualTo(403);
    }

    @Test
    void aWaitingPersonCannotLike() {
        Account author = members.active("author");
        Post post = posts.publish(author, null, new PostService.Draft(null, "Like me", null));
        Account ana = waiting("like");

        assertThatThrownBy(() -> posts.like(ana, post.id())).isInstanceOf(Forbidden.class);
        assertThat(api(ana).sendJson("PUT", "/api/v1/posts/" + post.id() + "/like", "").status()).isEqualTo(403);
        assertThat(posts.read(post.id(), null).likeCount()).isZero();
    }

    @Test
    void aWaitingPersonCannotJoinAGroup() {
        Group group = openGroup(members.active("owner"));
        Account ana = waiting("join");

        assertThatThrownBy(() -> groupJoining.join(ana, group.slug(), List.of())).isInstanceOf(Forbidden.class);
        assertThat(api(ana).postJson("/api/v1/groups/" + group.slug() + "/members", Map.of()).status()).isEqualTo(403);
        assertThat(groups.mine(ana.id())).isEmpty();
    }

    @Test
    void aWaitingPersonCannotFollow() {
        Account bob = members.active("bob");
        Account ana = waiting("follow");

        assertThatThrownBy(() -> follows.follow(ana, bob.handle())).isInstanceOf(Forbidden.class);
        assertThat(api(ana).sendJson("PUT", "/api/v1/users/" + bob.handle() + "/follow", "").status()).isEqualTo(403);
        assertThat(follows.isFollowing(ana.id(), bob.id())).isFalse();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void onceAdmittedTheyTakePartAndAreOfferedTheCuratedGroupsNotPutInThem() {
        Group welcome = openGroup(members.active("adm"));
        curation.setCurated(welcome.slug(), true);
        groups.setDefault(welcome.slug(), true, false);
        try {
            Account ana = waiting("later");
            assertThat(groups.mine(ana.id())).isEmpty();

            admission.markDonor(ana.id());

            assertThat(groups.mine(ana.id())).extracting(Group::slug).doesNotContain(welcome.slug());
            assertThat(curation.suggestedFor(members.reload(ana), 500)).extracting(Group::slug).contains(welcome.slug());
            assertThat(posts.publish(members.reload(ana), null, new PostService.Draft(null, "In at last", null))).isNotNull();
        } finally {
            curation.setCurated(welcome.slug(), false);
        }
    }
}
