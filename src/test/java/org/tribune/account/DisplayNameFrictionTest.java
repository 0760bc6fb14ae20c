package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.platform.InvalidInput;

/** Display names change at most once a week, and earlier names show on the profile for 30 days. */
@IntegrationTest
class DisplayNameFrictionTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AccountService accounts;
    @Autowired
    TokenService tokens;

    @Test
    void aSecondChangeWithinTheWeekIsRefusedSayingWhen() {
        Account ana = members.active("ana");
        accounts.updateProfile(ana.id(), "Ana Lima", "");

        assertThatThrownBy(() -> accounts.updateProfile(ana.id(), "Famous Person", ""))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.problems().getFirst().code()).isEqualTo("account.display-name-too-soon");
                    assertThat(e.problems().getFirst().args().getFirst().toString())
                            .startsWith(accounts.displayNameLockedUntil(ana.id()).orElseThrow().toString().substring(0, 10));
                });
        assertThat(members.reload(ana).displayName()).isEqualTo("Ana Lima");
        // The bio alone may change whenever.
        assertThat(accounts.updateProfile(ana.id(), "Ana Lima", "Maps").bio()).isEqualTo("Maps");

        members.ageNameChanges(ana.id(), 8);
        assertThat(accounts.displayNameLockedUntil(ana.id())).isEmpty();
        assertThat(accounts.updateProfile(ana.id(), "Ana L.", "").displayName()).isEqualTo("Ana L.");
    }

    @Test
    void earlierNamesArePublicForThirtyDays() {
        Account bob = members.active("bob");
        accounts.updateProfile(bob.id(), "Robert Stone", "");
        members.ageNameChanges(bob.id(), 8);
        accounts.updateProfile(bob.id(), "Site Admin", "");

        assertThat(accounts.recentEarlierNames(bob.id())).extracting(DisplayNameChange::oldName)
                .containsExactly("Robert Stone", bob.handle());
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/@" + bob.handle()).body()).contains("Recently known as").contains("Robert Stone");
        assertThat(visitor.get("/api/v1/users/" + bob.handle()).json().get("earlierNames").get(0).get("name").asString())
                .isEqualTo("Robert Stone");

        members.ageNameChanges(bob.id(), 31);
        assertThat(accounts.recentEarlierNames(bob.id())).isEmpty();
        assertThat(visitor.get("/@" + bob.handle()).body()).doesNotContain("Recently known as");
        // Moderators still see the whole history.
        assertThat(accounts.displayNameHistory(bob.id())).hasSize(2);
    }

    @Test
    void theSettingsPageAndTheApiExplainTheWait() {
        Account eve = members.active("eve");
        WebClient browser = new WebClient(port);
        browser.login(eve.email(), Members.PASSWORD);
        assertThat(browser.post("/settings/profile", "displayName", "Eve One", "bio", "").status()).isEqualTo(302);

        WebClient.Response refused = browser.post("/settings/profile", "displayName", "Eve Two", "bio", "");
        assertThat(refused.body()).contains("you may change it again from");
        assertThat(browser.get("/settings").body()).contains("You may change it again from");

        String token = tokens.createFor(eve.id(), "test");
        WebClient api = new WebClient(port);
        WebClient.Response tooSoon = api.sendJson("PATCH", "/api/v1/me", Map.of("displayName", "Eve Three"),
                "Authorization", "Bearer " + token);
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.json().get("errors").get(0).get("code").asString()).isEqualTo("account.display-name-too-soon");
        assertThat(api.get("/api/v1/me", "Authorization", "Bearer " + token).json().get("displayNameChangeableAt").isString()).isTrue();
        assertThat(members.reload(eve).displayName()).isEqualTo("Eve One");

        members.ageNameChanges(eve.id(), 8);
        WebClient.Response changed = api.sendJson("PATCH", "/api/v1/me", Map.of("displayName", "Eve Three"),
                "Authorization", "Bearer " + token);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("displayName").asString()).isEqualTo("Eve Three");
        assertThat(new WebClient(port).sendJson("PATCH", "/api/v1/me", Map.of("displayName", "Nobody")).status()).isEqualTo(401);
    }
}
