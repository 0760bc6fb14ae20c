package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A signed-in page costs no session write when nothing changed, and no session read from the database once this node
 * holds a copy; what keeps a session safe holds all the same: a new id at sign-in, CSRF tokens, sign-out here and on
 * other devices.
 */
@IntegrationTest
class SignedInSessionWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    MeterRegistry meters;

    private double store(String operation) {
        return meters.get("tribune.sessions.store").tag("operation", operation).counter().count();
    }

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        assertThat(browser.get("/settings").status()).isEqualTo(200);
        return browser;
    }

    @Test
    void aSignedInPageViewWritesAndReadsNoSessionWhenNothingChanged() {
        WebClient browser = signedIn(members.active("quiet"));
        browser.get("/");
        double writes = store("write");
        double reads = store("read");

        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/").status()).isEqualTo(200);
            assertThat(browser.get("/settings").status()).isEqualTo(200);
        }

        assertThat(store("write")).as("session writes").isEqualTo(writes);
        assertThat(store("read")).as("session reads from the database").isEqualTo(reads);
    }

    @Test
    void aChangedAttributeIsWritten() {
        Account ana = members.active("changed");
        WebClient browser = new WebClient(port);
        browser.get("/login");
        double writes = store("write");

        WebClient.Response refused = browser.login(ana.email(), "not the password"); // the error waits in the session

        assertThat(store("write")).isGreaterThan(writes);
        assertThat(browser.get(refused.location()).body()).contains("Wrong e-mail address or password.");
    }

    @Test
    void theSessionIdOfBeforeSignInIsRefusedAfterIt() {
        Account ana = members.active("fixed");
        WebClient browser = new WebClient(port);
        browser.get("/login");
        String before = browser.cookie("SESSION").orElseThrow().getValue();

        browser.login(ana.email(), Members.PASSWORD);

        assertThat(browser.cookie("SESSION").orElseThrow().getValue()).isNotEqualTo(before);
        WebClient attacker = new WebClient(port);
        attacker.setCookie("SESSION", before);
        assertThat(attacker.get("/settings").status()).isEqualTo(302);
        assertThat(browser.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedToASignedInPerson() {
        Account ana = members.active("csrf");
        WebClient browser = signedIn(ana);
        WebClient other = signedIn(ana);

        assertThat(browser.postWithoutCsrf("/settings/sessions/others/delete").status()).isEqualTo(403);

        assertThat(other.get("/settings").status()).isEqualTo(200);
        assertThat(browser.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void signingOutOtherDevicesEndsThemAtOnceThoughThisNodeHoldsTheirCopies() {
        Account ana = members.active("others");
        WebClient laptop = signedIn(ana);
        WebClient phone = signedIn(ana);
        assertThat(phone.get("/settings").status()).isEqualTo(200);

        assertThat(laptop.post("/settings/sessions/others/delete").status()).isEqualTo(302);

        assertThat(phone.get("/settings").status()).isEqualTo(302);
        assertThat(laptop.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionThoughThisNodeHoldsItsCopy() {
        WebClient browser = signedIn(members.active("out"));
        String session = browser.cookie("SESSION").orElseThrow().getValue();

        assertThat(browser.post("/logout").status()).isEqualTo(302);

        WebClient replay = new WebClient(port);
        replay.setCookie("SESSION", session);
        assertThat(replay.get("/settings").status()).isEqualTo(302);
    }
}
