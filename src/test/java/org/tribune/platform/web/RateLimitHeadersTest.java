package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tribune.ProblemDetails.assertProblem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

/** Answers that count against a rate limit say where the client stands, so it can slow down before a 429. */
@IntegrationTest
@TestPropertySource(properties = "tribune.limits.follows-per-hour=3") // the context of FollowRateLimitTest
class RateLimitHeadersTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;

    private WebClient.Response follow(Account follower, Account followee) {
        return new WebClient(port).sendJson("PUT", "/api/v1/users/" + followee.handle() + "/follow", "",
                "Authorization", "Bearer " + tokens.createFor(follower.id(), "test"));
    }

    @Test
    void eachCountedAnswerTellsTheLimitWhatIsLeftAndWhenTheBucketIsFull() {
        Account ana = members.active("ana");

        for (int left = 2; left >= 0; left--) {
            WebClient.Response answer = follow(ana, members.active("f"));

            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo(Integer.toString(left));
            assertThat(answer.header("RateLimit-Policy")).isEqualTo("3;w=3600");
            // one action comes back every 20 minutes: the bucket is full after 20 minutes per action taken
            long reset = Long.parseLong(answer.header("RateLimit-Reset"));
            long taken = 3 - left;
            assertThat(reset).isBetween(taken * 1200 - 5, taken * 1200);
        }
    }

    @Test
    void theRefusalCarriesTheHeadersAndRetryAfter() {
        Account bob = members.active("bob");
        for (int i = 0; i < 3; i++) {
            assertThat(follow(bob, members.active("f")).status()).isEqualTo(204);
        }

        WebClient.Response refused = follow(bob, members.active("f"));

        assertProblem(refused, 429);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(3595L, 3600L);
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("the next action, not the full bucket")
                .isBetween(1L, 1200L);
    }

    @Test
    void answersThatCountAgainstNoLimitHaveNoHeaders() {
        Account carl = members.active("carl");

        WebClient.Response me = new WebClient(port).get("/api/v1/me", "Authorization", "Bearer " + tokens.createFor(carl.id(), "test"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("RateLimit-Limit")).isNull();
        assertThat(me.header("RateLimit-Remaining")).isNull();
    }

    @Test
    void pagesDoNotCarryTheApiHeaders() {
        Account dan = members.active("dan");
        Account someone = members.active("f");
        WebClient browser = new WebClient(port);
        browser.login(dan.email(), Members.PASSWORD);

        WebClient.Response followed = browser.post("/@" + someone.handle() + "/follow");

        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.header("RateLimit-Limit")).isNull();
    }
}
