package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.WebClient;

@IntegrationTest
class SignUpWebTest {
    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    WebClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new WebClient(port);
    }

    @Test
    void visitorsSeeWhatTribuneIsAndWhereToJoin() {
        WebClient.Response home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.h1()).isEqualTo("A social network that works for you, not for advertisers");
        assertThat(home.body()).contains("href=\"/signup\"").contains("Donations, not ads");
    }

    @Test
    void pagesFollowTheBrowserLanguageAndTheVisitorsChoice() {
        assertThat(browser.get("/", "Accept-Language", "fr-CA,fr;q=0.9").body()).contains("<html lang=\"fr\"")
                .contains("Nos quatre promesses");
        assertThat(browser.get("/", "Accept-Language", "de").body()).contains("<html lang=\"en\"");
        browser.get("/?lang=fr");
        assertThat(browser.get("/signup").h1()).isEqualTo("Rejoindre Tribune");
        assertThat(browser.get("/", "Accept-Language", "garbage;;q=x").status()).isEqualTo(200);
    }

    @Test
    void theCodeOfConductIsARealPage() {
        WebClient.Response conduct = browser.get("/conduct");
        assertThat(conduct.status()).isEqualTo(200);
        assertThat(conduct.h1()).isEqualTo("Code of conduct");
        assertThat(conduct.body()).contains("Be respectful").contains("No spam");
    }

    @Test
    void signingUpLeadsToCheckYourMailAndTheLinkConfirms() {
        String handle = Members.uniqueHandle("web");
        String email = Members.emailOf(handle);

        WebClient.Response response = browser.post("/signup", "handle", handle, "email", email, "password",
                Members.PASSWORD, "locale", "en", "acceptConduct", "true");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).isEqualTo("/signup/done");
        assertThat(browser.get("/signup/done").body()).contains(email);
        String link = TestMail.await(email).link("/verify");
        WebClient.Response verified = browser.get(link.substring(link.indexOf("/verify")));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.h1()).isEqualTo("Address confirmed");
        assertThat(browser.login(email, Members.PASSWORD).location()).isEqualTo("/");
    }

    @Test
    void mistakesAreShownBesideTheirFieldsAndNothingIsLost() {
        String handle = Members.uniqueHandle("web");

        WebClient.Response response = browser.post("/signup", "handle", handle, "email", "not-an-address",
                "password", "password123", "locale", "en");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Please enter a valid e-mail address.")
                .contains("This password is among the most common ones.")
                .contains("Please accept the code of conduct to join.")
                .contains("value=\"" + handle + "\"").contains("value=\"not-an-address\"")
                .doesNotContain("value=\"password123\"")
                .contains("aria-invalid=\"true\"");
        assertThat(accounts.byHandle(handle)).isEmpty();
    }

    @Test
    void aForgedOrExpiredLinkExplainsWhatToDo() {
        WebClient.Response forged = browser.get("/verify?token=forged.123.abc");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("This link is not valid").contains("/verify/resend");
        WebClient.Response empty = browser.get("/verify");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void theResetPageNeverSaysWhetherAnAddressIsKnown() {
        WebClient.Response unknown = browser.post("/reset-password", "email", "nobody-here@example.test");
        WebClient.Response known = browser.post("/reset-password", "email", Members.emailOf("x"));
        assertThat(unknown.status()).isEqualTo(200).isEqualTo(known.status());
        assertThat(unknown.h1()).isEqualTo(known.h1());
    }

    @Test
    void resettingThePasswordByMailWorksEndToEnd() {
        String handle = Members.uniqueHandle("rst");
        String email = Members.emailOf(handle);
        browser.post("/signup", "handle", handle, "email", email, "password", Members.PASSWORD, "locale", "en",
                "acceptConduct", "true");
        String verify = TestMail.await(email).link("/verify");
        browser.get(verify.substring(verify.indexOf("/verify")));

        browser.post("/reset-password", "email", email);
        String code = TestMail.await(email, 2).token("/reset-password/new");
        assertThat(browser.get("/reset-password/new?token=" + code).status()).isEqualTo(200);
        WebClient.Response weak = browser.post("/reset-password/new", "token", code, "password", "short");
        assertThat(weak.body()).contains("at least 10 characters");
        WebClient.Response done = browser.post("/reset-password/new", "token", code, "password", "a completely new passphrase");

        assertThat(done.location()).isEqualTo("/login");
        assertThat(browser.login(email, Members.PASSWORD).location()).isEqualTo("/login?error");
        assertThat(browser.login(email, "a completely new passphrase").location()).isEqualTo("/");
        assertThat(browser.get("/reset-password/new?token=" + code).status()).isEqualTo(409);
    }
}
