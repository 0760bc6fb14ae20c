package org.tribune.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.ProblemDetails;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

import tools.jackson.databind.JsonNode;

/** The trust pages and API: who sees what, and who may name leaders or run the computation. */
@IntegrationTest
class TrustWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels levels;
    @Autowired
    ActivityStore store;
    @Autowired
    TokenService tokens;
    @Autowired
    TrustAdministration trustAdmin;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    WebClient api(Account account) {
        return new WebClient(port).header("Authorization", "Bearer " + tokens.createFor(account.id(), "test"));
    }

    void opened(Account account, int postsEntered, int postsRead) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        store.add(new ActivityBuffer.Snapshot(Map.of(new ActivityBuffer.Key(account.id(), today.toEpochDay()),
                new DayCounts(account.id(), today, true, postsEntered, postsRead, 0, 0, 0, 0)), Map.of(), Map.of(), Map.of()));
    }

    @Test
    void theLevelsPageSaysWhatEachLevelUnlocksInEnglishAndFrench() {
        WebClient visitor = new WebClient(port);
        WebClient.Response english = visitor.get("/trust-levels", "Accept-Language", "en");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.h1()).isEqualTo("Trust levels");
        assertThat(english.body()).contains("Level 0: new", "Level 1: basic", "Level 2: member", "Level 3: regular",
                "Level 4: leader", "Flag posts and comments", "Rate community notes", "Edit posts in groups open to editing",
                "Write community notes", "Invite people", "Review pending edits", "Move posts to the right category",
                "Lock discussions", "Group moderators have their group’s powers whatever their level",
                "Open 5 posts, read 30 posts and spend 10 minutes reading", "Over the last 100 days", "above 90% of its bar");

        WebClient.Response french = visitor.get("/trust-levels", "Accept-Language", "fr");
        assertThat(french.h1()).isEqualTo("Niveaux de confiance");
        assertThat(french.body()).contains("<html lang=\"fr\"", "Niveau 2 : membre", "Niveau 3 : habitué",
                "Inviter des personnes", "Relire les modifications en attente", "Verrouiller les discussions",
                "quel que soit leur niveau");
    }

    @Test
    void theOwnerSeesWhatTheyCanDoAndWhatIsNextOthersOnlyTheBadge() {
        Account ana = members.active("ana");
        opened(ana, 2, 12);

        WebClient.Response own = signedIn(ana).get("/@" + ana.handle());
        assertThat(own.body()).contains("Your trust level: 0, new", "What you can do now", "What is next: level 1, basic",
                "2 of 5 posts opened", "12 of 30 posts read", "0 of 10 minutes reading", "Flag posts and comments",
                "href=\"/trust-levels\"");
        WebClient.Response ownFrench = signedIn(ana).get("/@" + ana.handle() + "?lang=fr");
        assertThat(ownFrench.body()).contains("Ce que vous pouvez faire maintenant", "2 publications ouvertes sur 5");

        Account bob = members.active("bob");
        for (WebClient other : new WebClient[] {signedIn(bob), new WebClient(port)}) {
            String body = other.get("/@" + ana.handle()).body();
            assertThat(body).contains("Level 0: new").doesNotContain("What you can do now").doesNotContain("posts opened");
        }
        TrustFixture.set(levels, ana.id(), TrustLevel.MEMBER);
        assertThat(signedIn(bob).get("/@" + ana.handle()).body()).contains("Level 2: member");
    }

    @Test
    void theApiTellsMyLevelAndMyProgress() {
        Account ana = members.active("ana");
        opened(ana, 3, 40);
        WebClient client = api(ana);
        assertThat(client.get("/api/v1/me").json().get("trustLevel").asInt()).isZero();

        JsonNode progress = client.get("/api/v1/me/trust").json();
        assertThat(progress.get("level").asInt()).isZero();
        assertThat(progress.get("next").asInt()).isEqualTo(1);
        assertThat(progress.get("toNext").get(0).get("name").asString()).isEqualTo("posts-entered");
        assertThat(progress.get("toNext").get(0).get("have").asLong()).isEqualTo(3);
        assertThat(progress.get("toNext").get(0).get("need").asLong()).isEqualTo(5);
        assertThat(progress.get("toNext").get(1).get("met").asBoolean()).isTrue();

        TrustFixture.set(levels, ana.id(), TrustLevel.MEMBER);
        assertThat(client.get("/api/v1/me").json().get("trustLevel").asInt()).isEqualTo(2);
        assertThat(client.get("/api/v1/me/trust").json().get("next").asInt()).isEqualTo(3);

        assertThat(new WebClient(port).get("/api/v1/me/trust").status()).isEqualTo(401);
    }

    @Test
    void administratorsNameAndUnnameLeadersOnTheUserPageAndItIsAudited() {
        Account admin = members.admin("adm");
        Account ana = members.active("ana");
        WebClient browser = signedIn(admin);

        WebClient.Response page = browser.get("/admin/users/" + ana.handle());
        assertThat(page.body()).contains("Trust level", "Make leader (trust level 4)");
        WebClient.Response granted = browser.post("/admin/users/" + ana.handle() + "/leader");
        assertThat(granted.status()).isEqualTo(302);
        assertThat(levels.of(ana.id())).isEqualTo(TrustLevel.LEADER);
        assertThat(browser.get("/admin/users/" + ana.handle()).body()).contains("Take the leader level back", "made leader");
        assertThat(browser.get("/admin/trust").body()).contains("@" + ana.handle());

        assertThat(browser.post("/admin/users/" + ana.handle() + "/leader/remove").status()).isEqualTo(302);
        assertThat(levels.of(ana.id())).as("the level her activity earns").isEqualTo(TrustLevel.NEW);
        assertThat(browser.get("/admin/audit").body()).contains("leader level taken back");

        WebClient client = api(admin);
        assertThat(client.postJson("/api/v1/admin/users/" + ana.handle() + "/leader", "").json().get("level").asInt()).isEqualTo(4);
        assertThat(client.delete("/api/v1/admin/users/" + ana.handle() + "/leader").json().get("level").asInt()).isZero();
        ProblemDetails.assertProblem(client.postJson("/api/v1/admin/users/nobody_here_at_all/leader", ""), 404);
        assertThat(browser.post("/admin/users/nobody_here_at_all/leader").status()).isEqualTo(404);
    }

    @Test
    void theComputationLevelsStayWithALeaderUntilTakenBack() {
        Account admin = members.admin("adm");
        Account ana = members.active("ana");
        opened(ana, 5, 30);
        api(admin).postJson("/api/v1/admin/users/" + ana.handle() + "/leader", "");
        api(admin).postJson("/api/v1/admin/trust/run", "");
        assertThat(levels.of(ana.id())).isEqualTo(TrustLevel.LEADER);
    }

    @Test
    void administratorsRunTheComputationFromTheirPageOrTheApi() {
        Account admin = members.admin("adm");
        Account ana = members.active("ana");
        opened(ana, 5, 30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        store.add(new ActivityBuffer.Snapshot(Map.of(new ActivityBuffer.Key(ana.id(), today.toEpochDay()),
                new DayCounts(ana.id(), today, true, 0, 0, 600, 0, 0, 0)), Map.of(), Map.of(), Map.of()));
        WebClient browser = signedIn(admin);

        assertThat(browser.get("/admin/trust").body()).contains("Compute trust levels now");
        WebClient.Response ran = browser.post("/admin/trust/run");
        assertThat(ran.location()).isEqualTo("/admin/trust");
        assertThat(browser.get("/admin/trust").body()).contains("Trust levels computed.").containsPattern("\\d+ accounts examined");
        assertThat(levels.of(ana.id())).isEqualTo(TrustLevel.BASIC);

        JsonNode outcome = api(admin).postJson("/api/v1/admin/trust/run", "").json();
        assertThat(outcome.get("examined").asInt()).isPositive();
        assertThat(browser.get("/admin/trust?lang=fr").body()).contains("Calculer les niveaux maintenant");
    }

    @Test
    void membersMayNeitherNameLeadersNorRunTheComputation() {
        Account eve = members.active("eve");
        Account ana = members.active("ana");
        WebClient browser = signedIn(eve);

        assertThat(browser.get("/admin/trust").status()).isEqualTo(403);
        assertThat(browser.post("/admin/trust/run").status()).isEqualTo(403);
        assertThat(browser.post("/admin/users/" + ana.handle() + "/leader").status()).isEqualTo(403);
        assertThat(browser.post("/admin/users/" + eve.handle() + "/leader").status()).isEqualTo(403);
        WebClient client = api(eve);
        ProblemDetails.assertProblem(client.postJson("/api/v1/admin/trust/run", ""), 403);
        ProblemDetails.assertProblem(client.postJson("/api/v1/admin/users/" + eve.handle() + "/leader", ""), 403);
        ProblemDetails.assertProblem(client.delete("/api/v1/admin/users/" + ana.handle() + "/leader"), 403);
        WebClient visitor = new WebClient(port);
        assertThat(visitor.post("/admin/trust/run").status()).isIn(302, 403);
        ProblemDetails.assertProblem(visitor.postJson("/api/v1/admin/trust/run", ""), 401);

        assertThat(levels.of(eve.id())).isEqualTo(TrustLevel.NEW);
        assertThat(levels.of(ana.id())).isEqualTo(TrustLevel.NEW);
        // The service refuses too, whoever calls it.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trustAdmin.grantLeader(eve, eve.handle()))
                .isInstanceOf(org.tribune.platform.Forbidden.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trustAdmin.runNow(eve))
                .isInstanceOf(org.tribune.platform.Forbidden.class);
    }
}
