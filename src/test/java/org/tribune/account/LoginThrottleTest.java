package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

@IntegrationTest
@TestPropertySource(properties = "tribune.limits.login-failures-per-account-hour=3")
class LoginThrottleTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;

    @Test
    void afterTooManyFailuresEvenTheRightPasswordWaits() {
        Account ana = members.active("ana");
        WebClient browser = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.login(ana.email(), "wrong password " + i).location()).isEqualTo("/login?error");
        }

        WebClient.Response blocked = browser.login(ana.email(), Members.PASSWORD);

        assertThat(blocked.location()).isEqualTo("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Too many failed attempts");
        assertThat(browser.get("/settings").status()).isEqualTo(302);
    }

    @Test
    void unknownAddressesAreThrottledExactlyLikeKnownOnes() {
        String unknown = "ghost-" + Members.uniqueHandle("g") + "@example.test";
        WebClient browser = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            browser.login(unknown, "wrong password " + i);
        }
        browser.login(unknown, "wrong password again");
        assertThat(browser.get("/login?error").body()).contains("Too many failed attempts");
    }
}
