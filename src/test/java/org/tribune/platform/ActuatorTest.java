package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;

/** Health is public; metrics are for the operator: the machine itself, or an administrator. */
@IntegrationTest
class ActuatorTest {
    private static final String PROXIED_FROM = "203.0.113.9";

    @LocalServerPort
    int port;
    @Autowired
    Members members;

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        assertThat(browser.login(account.email(), Members.PASSWORD).location()).isEqualTo("/");
        return browser;
    }

    private static void assertMetrics(WebClient.Response response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.body()).contains("# HELP").contains("jvm_memory_used_bytes");
    }

    private static void assertRefused(WebClient.Response response) {
        assertThat(response.status()).isIn(302, 401, 403);
        if (response.status() == 302) {
            assertThat(response.location()).isEqualTo("/login");
        }
        assertThat(response.body()).doesNotContain("# HELP");
    }

    @Test
    void healthIsUpForAnyone() {
        WebClient visitor = new WebClient(port);
        for (WebClient.Response response : new WebClient.Response[] {visitor.get("/actuator/health"),
                visitor.get("/actuator/health", "X-Forwarded-For", PROXIED_FROM),
                visitor.get("/actuator/health/liveness"), visitor.get("/actuator/health/readiness")}) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void healthShowsNoDetailsToVisitors() {
        WebClient.Response health = new WebClient(port).get("/actuator/health");

        assertThat(health.json().has("components")).isFalse();
        assertThat(health.json().has("details")).isFalse();
        assertThat(health.body()).doesNotContain("jdbc").doesNotContain("postgres").doesNotContain("h2");
    }

    @Test
    void metricsAreServedToTheMachineItself() {
        assertMetrics(new WebClient(port).get("/actuator/prometheus"));
    }

    @Test
    void theMetricsSayWhenCacheWarmingHasFinished() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline && !body.contains("\ntribune_cache_warming_done 1")) {
            body = new WebClient(port).get("/actuator/prometheus").body();
            Thread.sleep(100);
        }
        assertThat(body).contains("# HELP tribune_cache_warming_done").contains("\ntribune_cache_warming_done 1");
    }

    @Test
    void metricsAreRefusedToAVisitorBehindAProxy() {
        WebClient visitor = new WebClient(port);

        assertRefused(visitor.get("/actuator/prometheus", "X-Forwarded-For", PROXIED_FROM));
        assertRefused(visitor.get("/actuator/prometheus", "X-Forwarded-For", "127.0.0.1"));
        assertRefused(visitor.get("/actuator/prometheus", "Forwarded", "for=" + PROXIED_FROM));
    }

    @Test
    void metricsAreRefusedToAMemberBehindAProxy() {
        WebClient member = signedIn(members.active("ana"));

        WebClient.Response response = member.get("/actuator/prometheus", "X-Forwarded-For", PROXIED_FROM);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("# HELP");
    }

    @Test
    void metricsAreServedToAnAdministratorBehindAProxy() {
        WebClient admin = signedIn(members.admin("adm"));

        assertMetrics(admin.get("/actuator/prometheus", "X-Forwarded-For", PROXIED_FROM));
        assertMetrics(admin.get("/actuator/prometheus", "Forwarded", "for=" + PROXIED_FROM));
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        WebClient admin = signedIn(members.admin("adm"));

        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/configprops"}) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(404);
        }
    }
}
