package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

@IntegrationTest
class SettingsWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    WebClient browser;
    Account ana;

    @BeforeEach
    void signIn() {
        ana = members.active("ana");
        browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);
    }

    @Test
    void visitorsAreSentToLogIn() {
        WebClient visitor = new WebClient(port);
        for (String path : new String[] {"/settings", "/settings/security"}) {
            WebClient.Response response = visitor.get(path);
            assertThat(response.status()).as(path).isEqualTo(302);
            assertThat(response.location()).isEqualTo("/login");
        }
        assertThat(visitor.post("/settings/profile", "displayName", "Hacker").location()).isEqualTo("/login");
    }

    @Test
    void profileChangesShowOnTheProfilePageWithTheHandle() {
        WebClient.Response saved = browser.post("/settings/profile", "displayName", "Ana <b>Lima</b>", "bio",
                "I map **rivers**. <script>alert(1)</script>");
        assertThat(saved.location()).isEqualTo("/settings");

        WebClient.Response profile = new WebClient(port).get("/@" + ana.handle());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).contains("Ana &lt;b&gt;Lima&lt;/b&gt;").contains("@" + ana.handle())
                .contains("<strong>rivers</strong>").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void moderatorsSeeEarlierDisplayNamesOthersDoNot() {
        browser.post("/settings/profile", "displayName", "First Name", "bio", "");
        members.ageNameChanges(ana.id(), 8);
        browser.post("/settings/profile", "displayName", "Second Name", "bio", "");
        Account mod = members.withRole("mod", Role.MODERATOR);
        WebClient moderator = new WebClient(port);
        moderator.login(mod.email(), Members.PASSWORD);

        assertThat(moderator.get("/@" + ana.handle()).body()).contains("Earlier display names").contains("First Name");
        assertThat(new WebClient(port).get("/@" + ana.handle()).body()).doesNotContain("Earlier display names");
    }

    @Test
    void changingLanguageSwitchesEveryPageToFrench() {
        WebClient.Response response = browser.post("/settings/language", "locale", "fr", "returnTo", "/settings");
        assertThat(response.location()).isEqualTo("/settings");
        WebClient.Response settings = browser.get("/settings");
        assertThat(settings.body()).contains("<html lang=\"fr\"");
        assertThat(settings.h1()).isEqualTo("Réglages");
        assertThat(members.reload(ana).locale()).isEqualTo("fr");
    }

    @Test
    void theLanguageButtonsNeverRedirectToAnotherSite() {
        assertThat(browser.post("/settings/language", "locale", "en", "returnTo", "//evil.example/x").location()).isEqualTo("/");
        assertThat(browser.post("/settings/language", "locale", "en", "returnTo", "https://evil.example").location()).isEqualTo("/");
        assertThat(browser.post("/settings/language", "locale", "xx", "returnTo", "/").status()).isEqualTo(400);
    }

    @Test
    void changingThePasswordSignsOutOtherDevices() {
        WebClient phone = new WebClient(port);
        phone.login(ana.email(), Members.PASSWORD);
        assertThat(phone.get("/settings").status()).isEqualTo(200);

        WebClient.Response wrong = browser.post("/settings/password", "currentPassword", "wrong one here", "newPassword", "a new long passphrase");
        assertThat(wrong.body()).contains("This is not your current password.");
        WebClient.Response changed = browser.post("/settings/password", "currentPassword", Members.PASSWORD, "newPassword", "a new long passphrase");

        assertThat(changed.location()).isEqualTo("/settings/security");
        assertThat(browser.get("/settings").status()).isEqualTo(200);
        assertThat(phone.get("/settings").status()).isEqualTo(302);
    }

    @Test
    void devicesAreListedAndOthersCanBeSignedOut() {
        WebClient phone = new WebClient(port).header("User-Agent", "Mozilla/5.0 (Linux; Android 14) Firefox/130.0");
        phone.login(ana.email(), Members.PASSWORD);

        WebClient.Response security = browser.get("/settings/security");
        assertThat(security.body()).contains("Firefox · Android").contains("this device");
        String sessionCookie = phone.cookie("SESSION").orElseThrow().getValue();
        assertThat(security.body()).doesNotContain(sessionCookie);

        browser.post("/settings/sessions/others/delete");

        assertThat(phone.get("/settings").status()).isEqualTo(302);
        assertThat(browser.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void nobodyCanSignOutOrRevokeWhatIsNotTheirs() {
        Account bob = members.active("bob");
        WebClient bobsBrowser = new WebClient(port);
        bobsBrowser.login(bob.email(), Members.PASSWORD);
        String bobsToken = tokens.createFor(bob.id(), "bob's script");
        long bobsTokenId = tokens.of(bob.id()).getFirst().id();
        String bobsDeviceKey = SignedInDevices.key(new String(java.util.Base64.getDecoder().decode(
                bobsBrowser.cookie("SESSION").orElseThrow().getValue())));

        assertThat(browser.post("/settings/tokens/" + bobsTokenId + "/delete").status()).isEqualTo(404);
        browser.post("/settings/sessions/" + bobsDeviceKey + "/delete");

        assertThat(tokens.of(bob.id())).hasSize(1);
        assertThat(tokens.authenticate(bobsToken)).isPresent();
        assertThat(bobsBrowser.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void tokensAreShownOnceListedAndRevoked() {
        WebClient.Response created = browser.post("/settings/tokens", "name", "my script");
        assertThat(created.status()).isEqualTo(200);
        String secret = created.body().replaceAll("(?s).*value=\"(trb_[^\"]+)\".*", "$1");
        assertThat(secret).startsWith("trb_");
        WebClient.Response security = browser.get("/settings/security");
        assertThat(security.body()).contains("my script").doesNotContain(secret);
        long id = tokens.of(ana.id()).getFirst().id();

        browser.post("/settings/tokens/" + id + "/delete");

        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(browser.post("/settings/tokens", "name", "").body()).contains("Give the token a name");
    }

    @Test
    void anAddressChangeIsConfirmedByMail() {
        WebClient.Response response = browser.post("/settings/email", "currentPassword", Members.PASSWORD, "email", "moved-" + ana.email());
        assertThat(response.location()).isEqualTo("/settings/security");
        String link = org.tribune.TestMail.await("moved-" + ana.email()).link("/settings/email/confirm");
        WebClient.Response confirmed = new WebClient(port).get(link.substring(link.indexOf("/settings")));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(members.reload(ana).email()).isEqualTo("moved-" + ana.email());
        assertThat(browser.get("/settings").status()).isEqualTo(200);
    }
}
