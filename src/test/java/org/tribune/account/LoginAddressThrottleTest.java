package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

/** Guessing across many accounts from one client address is throttled too. */
@IntegrationTest
@TestPropertySource(properties = "tribune.limits.login-failures-per-address-hour=4")
class LoginAddressThrottleTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;

    @Test
    void oneAddressGuessingManyAccountsIsSlowedDown() {
        WebClient browser = new WebClient(port);
        for (int i = 0; i < 4; i++) {
            browser.login(Members.emailOf(Members.uniqueHandle("victim")), "guess number " + i);
        }
        Account ana = members.active("ana");

        WebClient.Response blocked = new WebClient(port).login(ana.email(), Members.PASSWORD);

        assertThat(blocked.location()).isEqualTo("/login?error");
    }
}
