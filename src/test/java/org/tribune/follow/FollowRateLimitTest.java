package org.tribune.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.platform.TooManyRequests;

@IntegrationTest
@TestPropertySource(properties = "tribune.limits.follows-per-hour=3")
class FollowRateLimitTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    FollowService follows;
    @Autowired
    TokenService tokens;

    @Test
    void theFourthNewFollowInAnHourIsRefusedButFollowingAgainIsFree() {
        Account ana = members.active("ana");
        Account first = members.active("f");
        for (Account someone : new Account[] {first, members.active("f"), members.active("f")}) {
            follows.follow(ana, someone.handle());
        }
        assertThat(follows.follow(ana, first.handle())).isFalse();
        String fourth = members.active("f").handle();

        assertThatThrownBy(() -> follows.follow(ana, fourth)).isInstanceOf(TooManyRequests.class);
        WebClient.Response refused = new WebClient(port).sendJson("PUT", "/api/v1/users/" + fourth + "/follow", "",
                "Authorization", "Bearer " + tokens.createFor(ana.id(), "test"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(follows.counts(ana.id()).following()).isEqualTo(3);
        assertThat(follows.follow(members.active("bob"), fourth)).as("the limit is each follower's own").isTrue();
    }
}
