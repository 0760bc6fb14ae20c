package org.tribune.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;
import org.tribune.account.TokenService;
import org.tribune.follow.FollowService;

/** Invitation links through the pages and the API. */
@IntegrationTest
class InvitationWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trustLevels;
    @Autowired
    AdmissionService admission;
    @Autowired
    TokenService tokens;
    @Autowired
    FollowService follows;

    @BeforeEach
    void closeGates() {
        admission.setDailyQuota(0, 0);
    }

    @AfterEach
    void openGates() {
        admission.setDailyQuota(null, 0);
    }

    WebClient api(Account account) {
        return new WebClient(port).header("Authorization", "Bearer " + tokens.createFor(account.id(), "test"));
    }

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    @Autowired
    InvitationService invitationService;
    @Autowired
    Invitations invitationTable;
    @Autowired
    org.tribune.platform.Ids ids;

    /** Inviting is a right of trust level 2: the inviters of these tests have it. */
    Account trusted(Account account) {
        TrustFixture.set(trustLevels, account.id(), TrustLevel.MEMBER);
        return account;
    }

    @Test
    void aBadUsedExpiredOrRevokedLinkIsSaidToBeInvalidInEnglishAndFrenchAndTheyMayStillSignUp() {
        Account ana = trusted(members.active("ana"));
        String used = token(invitationService.create(ana));
        invitationService.claim(used, members.unverified("usedby").id());
        InvitationService.Created revokedOne = invitationService.create(ana);
        invitationService.revoke(ana, revokedOne.invitation().id());
        String expired = org.tribune.platform.SecretTokens.newToken("");
        java.time.Instant longAgo = java.time.Instant.now().minus(InvitationService.VALID_FOR).minusSeconds(3600);
        invitationTable.insert(new Invitation(ids.next(), ana.id(), longAgo,
                longAgo.plus(InvitationService.VALID_FOR), null, null, null), org.tribune.platform.SecretTokens.hash(expired));

        for (String token : java.util.List.of("no-such-link", used, expired, token(revokedOne))) {
            WebClient newcomer = new WebClient(port);
            String english = newcomer.get("/signup?invite=" + token).body();
            assertThat(english).as(token).contains("This invitation link is not valid").doesNotContain("You were invited")
                    .contains("Create my account");
            assertThat(newcomer.get("/signup?invite=" + token + "&lang=fr").body()).as(token)
                    .contains("Ce lien d’invitation n’est pas valable");
        }
        WebClient newcomer = new WebClient(port);
        String handle = Members.uniqueHandle("late");
        assertThat(newcomer.post("/signup", "handle", handle, "email", Members.emailOf(handle), "password",
                Members.PASSWORD, "locale", "en", "acceptConduct", "true", "invite", used).location())
                .as("they can still sign up, and will wait").isEqualTo("/signup/done");
        String good = token(invitationService.create(ana));
        assertThat(new WebClient(port).get("/signup?invite=" + good).body()).contains("You were invited")
                .doesNotContain("not valid");
    }

    private static String token(InvitationService.Created created) {
        return created.link().substring(created.link().indexOf("invite=") + 7);
    }

    @Test
    void aNewcomerSignsUpThroughTheLinkAndIsInOnceVerified() {
        Account ana = trusted(members.active("ana"));
        WebClient anas = signedIn(ana);
        assertThat(anas.get("/invitations").status()).isEqualTo(200);
        WebClient.Response made = anas.post("/invitations");
        assertThat(made.location()).isEqualTo("/invitations");
        WebClient.Response list = anas.get("/invitations");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("value=\"(https?://[^\"]+/signup\\?invite=([^\"]+))\"")
                .matcher(list.body());
        assertThat(link.find()).isTrue();
        assertThat(anas.get("/invitations").body()).as("the link is shown once").doesNotContain(link.group(2));

        WebClient newcomer = new WebClient(port);
        WebClient.Response form = newcomer.get("/signup?invite=" + link.group(2));
        assertThat(form.body()).contains("name=\"invite\" value=\"" + link.group(2) + "\"").contains("You were invited");
        String handle = Members.uniqueHandle("bob");
        WebClient.Response done = newcomer.post("/signup", "handle", handle, "email", Members.emailOf(handle), "password",
                Members.PASSWORD, "locale", "en", "acceptConduct", "true", "invite", link.group(2));
        assertThat(done.location()).isEqualTo("/signup/done");
        String verify = TestMail.await(Members.emailOf(handle)).link("/verify");

        assertThat(newcomer.get(verify.replaceFirst("^https?://[^/]+", "")).status()).isEqualTo(200);
        assertThat(newcomer.login(Members.emailOf(handle), Members.PASSWORD).location()).isEqualTo("/");
        assertThat(newcomer.get("/").status()).as("admitted: the home feed, not the waiting list").isEqualTo(200);
        assertThat(anas.get("/invitations").body()).contains("Used").doesNotContain(Members.emailOf(handle))
                .doesNotContain("@" + handle);
    }

    @Test
    void aWaitingMemberIsSentToTheWaitlistAfterSigningUpWithoutALink() {
        String handle = Members.uniqueHandle("wai");
        WebClient newcomer = new WebClient(port);
        newcomer.post("/signup", "handle", handle, "email", Members.emailOf(handle), "password", Members.PASSWORD,
                "locale", "en", "acceptConduct", "true");
        String verify = TestMail.await(Members.emailOf(handle)).link("/verify");
        assertThat(newcomer.get(verify.replaceFirst("^https?://[^/]+", "")).body()).contains("You are on the waiting list");

        assertThat(newcomer.login(Members.emailOf(handle), Members.PASSWORD).location()).isEqualTo("/");
        assertThat(newcomer.get("/").location()).isEqualTo("/waitlist");
        assertThat(newcomer.get("/waitlist").body()).contains("Your place in the queue");
    }

    @Test
    void invitationsOverTheApi() {
        Account ana = trusted(members.active("ana"));
        WebClient api = api(ana);

        WebClient.Response created = api.postJson("/api/v1/invitations", "");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String link = created.json().get("link").asString();
        assertThat(link).contains("/signup?invite=");
        assertThat(created.location()).isEqualTo("/api/v1/invitations/" + id);

        var listed = api.get("/api/v1/invitations").json();
        assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(listed.get("items").get(0).get("status").asString()).isEqualTo("UNUSED");
        assertThat(api.get("/api/v1/invitations").body()).doesNotContain(link.substring(link.indexOf("invite=") + 7));

        assertThat(api.delete("/api/v1/invitations/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/invitations").json().get("items").get(0).get("status").asString()).isEqualTo("REVOKED");
    }

    @Test
    void someoneElsesInvitationCannotBeRevokedOverTheApiOrThePage() {
        Account ana = trusted(members.active("ana"));
        String id = api(ana).postJson("/api/v1/invitations", "").json().get("id").asString();
        Account eve = trusted(members.active("eve"));

        WebClient.Response refused = api(eve).delete("/api/v1/invitations/" + id);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(signedIn(eve).post("/invitations/" + id + "/revoke").status()).isEqualTo(404);
        assertThat(api(ana).get("/api/v1/invitations").json().get("items").get(0).get("status").asString()).isEqualTo("UNUSED");
        assertThat(api(eve).delete("/api/v1/invitations/not-a-number").status()).isEqualTo(400);
    }

    @Test
    void invitationsNeedSignIn() {
        WebClient visitor = new WebClient(port);
        assertThat(visitor.postJson("/api/v1/invitations", "").status()).isEqualTo(401);
        assertThat(visitor.get("/api/v1/invitations").status()).isEqualTo(401);
        assertThat(visitor.delete("/api/v1/invitations/1").status()).isEqualTo(401);
        assertThat(visitor.get("/invitations").location()).isEqualTo("/login");
    }

    @Test
    void theInviteeAddressIsNeverShownAndTheirHandleOnlyOnceConnected() {
        Account ana = trusted(members.active("ana"));
        String link = api(ana).postJson("/api/v1/invitations", "").json().get("link").asString();
        Account bob = members.verify(members.unverifiedWithInvitation("bob", link.substring(link.indexOf("invite=") + 7)));
        assertThat(bob.state()).isEqualTo(AccountState.ACTIVE);

        String before = api(ana).get("/api/v1/invitations").body();
        assertThat(before).doesNotContain(bob.email()).doesNotContain(bob.handle()).contains("USED");
        assertThat(signedIn(ana).get("/invitations").body()).doesNotContain(bob.email()).doesNotContain(bob.handle());

        follows.follow(ana, bob.handle());
        follows.follow(bob, ana.handle());

        String after = api(ana).get("/api/v1/invitations").body();
        assertThat(after).contains(bob.handle()).doesNotContain(bob.email());
        assertThat(signedIn(ana).get("/invitations").body()).contains("@" + bob.handle()).doesNotContain(bob.email());
    }

    @Test
    void theMonthlyLimitIsAProblemOverTheApi() {
        WebClient api = api(trusted(members.active("ana")));
        for (int i = 0; i < 5; i++) {
            assertThat(api.postJson("/api/v1/invitations", "").status()).isEqualTo(201);
        }
        WebClient.Response refused = api.postJson("/api/v1/invitations", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aWaitingMemberMayInviteToo() {
        Account carl = trusted(members.verified("carl"));
        WebClient browser = signedIn(carl);

        assertThat(browser.get("/invitations").status()).isEqualTo(200);
        assertThat(api(carl).postJson("/api/v1/invitations", "").status()).isEqualTo(201);
    }

    @Test
    void belowTrustLevelTwoThePageSaysWhyAndMakingALinkIsRefused() {
        Account newcomer = members.active("newbie");
        WebClient browser = signedIn(newcomer);

        WebClient.Response page = browser.get("/invitations");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("once you reach trust level 2").contains("href=\"/trust-levels\"")
                .doesNotContain("action=\"/invitations\"");
        assertThat(browser.post("/invitations").status()).isEqualTo(403);
        WebClient.Response refused = api(newcomer).postJson("/api/v1/invitations", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("trust level 2");

        WebClient french = signedIn(newcomer);
        assertThat(french.get("/invitations?lang=fr").body()).contains("au niveau de confiance 2");
    }
}
