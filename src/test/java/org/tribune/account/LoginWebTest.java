package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

@IntegrationTest
class LoginWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    WebClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new WebClient(port);
    }

    @Test
    void rightPasswordSignsInWithANewSessionId() {
        Account ana = members.active("ana");
        browser.get("/login");
        String before = browser.cookie("SESSION").orElseThrow().getValue();

        WebClient.Response response = browser.login(ana.email(), Members.PASSWORD);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).isEqualTo("/");
        assertThat(browser.cookie("SESSION").orElseThrow().getValue()).isNotEqualTo(before);
        WebClient.Response home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("@" + ana.handle());
    }

    @Test
    void wrongPasswordAndUnknownAddressGetTheSameAnswer() {
        Account ana = members.active("ana");

        WebClient.Response wrong = browser.login(ana.email(), "not the right password");
        String wrongPage = browser.get(wrong.location()).body();
        WebClient.Response unknown = browser.login("nobody-" + ana.handle() + "@example.test", "not the right password");
        String unknownPage = browser.get(unknown.location()).body();

        assertThat(wrong.location()).isEqualTo("/login?error").isEqualTo(unknown.location());
        assertThat(wrongPage).contains("Wrong e-mail address or password.");
        assertThat(unknownPage).contains("Wrong e-mail address or password.");
        assertThat(browser.get("/settings").status()).isEqualTo(302);
    }

    @Test
    void unverifiedAccountCannotLogIn() {
        Account bob = members.unverified("bob");

        WebClient.Response response = browser.login(bob.email(), Members.PASSWORD);

        assertThat(response.location()).isEqualTo("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Please confirm your e-mail address first");
        assertThat(browser.get("/settings").status()).isEqualTo(302);
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() {
        Account ana = members.active("ana");

        WebClient.Response response = browser.postWithoutCsrf("/login", "email", ana.email(), "password", Members.PASSWORD);

        assertThat(response.status()).isEqualTo(403);
        assertThat(browser.get("/settings").status()).isEqualTo(302);
    }

    @Test
    void logoutEndsTheSessionForGood() {
        Account ana = members.active("ana");
        browser.login(ana.email(), Members.PASSWORD);
        String session = browser.cookie("SESSION").orElseThrow().getValue();

        WebClient.Response out = browser.post("/logout");

        assertThat(out.status()).isEqualTo(302);
        WebClient replay = new WebClient(port);
        replay.setCookie("SESSION", session);
        assertThat(replay.get("/settings").status()).isEqualTo(302);
    }

    @Test
    void rememberMeKeepsTheSessionCookieForThirtyDays() {
        Account ana = members.active("ana");

        browser.login(ana.email(), Members.PASSWORD, "remember-me", "true");

        assertThat(browser.cookie("SESSION").orElseThrow().getMaxAge()).isGreaterThan(29L * 24 * 3600);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        Account ana = members.active("ana");
        browser.get("/login");
        WebClient.Response response = browser.login(ana.email(), Members.PASSWORD);

        String setCookie = response.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void suspendedAccountSignsInOnlyToTheDecisionsAboutIt() {
        Account eve = members.withRole("eve", Role.MEMBER);
        browser.login(eve.email(), Members.PASSWORD);
        assertThat(browser.get("/settings").status()).isEqualTo(200);

        members.suspend(eve);

        assertThat(browser.get("/settings").status()).isEqualTo(302);
        WebClient again = new WebClient(port);
        assertThat(again.login(eve.email(), Members.PASSWORD).location()).isEqualTo("/");
        assertThat(again.get("/settings").location()).isEqualTo("/moderation/mine");
        assertThat(again.get("/moderation/mine").status()).isEqualTo(200);
    }
}
