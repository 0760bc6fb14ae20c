package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

@IntegrationTest
@TestPropertySource(properties = "tribune.limits.signups-per-hour=3")
class SignUpRateLimitTest {
    @LocalServerPort
    int port;

    @Test
    void theFourthSignUpInAnHourFromOneAddressGets429WithRetryAfter() {
        WebClient api = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            String handle = Members.uniqueHandle("rl");
            assertThat(api.postJson("/api/v1/accounts", Map.of("handle", handle, "email", Members.emailOf(handle),
                    "password", Members.PASSWORD, "locale", "en")).status()).isEqualTo(201);
        }
        String handle = Members.uniqueHandle("rl");
        WebClient.Response refused = api.postJson("/api/v1/accounts", Map.of("handle", handle, "email",
                Members.emailOf(handle), "password", Members.PASSWORD, "locale", "en"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        WebClient.Response page = new WebClient(port).post("/signup", "handle", handle, "email", Members.emailOf(handle),
                "password", Members.PASSWORD, "locale", "en", "acceptConduct", "true");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).isNotNull();
        assertThat(page.body()).contains("Too many attempts");
    }
}
