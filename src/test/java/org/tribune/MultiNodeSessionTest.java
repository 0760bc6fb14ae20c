package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.platform.cluster.Broadcast;

/**
 * Two nodes, A and B, sharing one fresh PostgreSQL database, each keeping copies of the sessions it serves: a session
 * ended on A is refused on B within one second, whether B hears of it through the bus between nodes or, while that
 * bus is cut, reads the database.
 */
@Tag("multinode")
class MultiNodeSessionTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        assumeTrue(TestDatabase.isPostgres(), "several nodes need PostgreSQL; proved in the postgres-test run");
        Map<String, Object> database = TestDatabase.settings(true);
        a = node("a", database);
        b = node("b", database);
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static ConfigurableApplicationContext node(String name, Map<String, Object> database) {
        return ClusterNode.start("sessions-" + name, database);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ClusterNode.port(node);
    }

    /** A browser on B using the session signed in on A, with B holding a copy of it. */
    private static WebClient onBWithSessionOf(WebClient onA) {
        WebClient onB = new WebClient(port(b));
        onB.setCookie("SESSION", onA.cookie("SESSION").orElseThrow().getValue());
        assertThat(onB.get("/settings").status()).isEqualTo(200);
        assertThat(onB.get("/settings").status()).isEqualTo(200);
        return onB;
    }

    private static boolean refused(WebClient browser) {
        WebClient.Response settings = browser.get("/settings");
        return settings.status() == 302 && "/login".equals(settings.location());
    }

    private static void assertWithin(Duration limit, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Account person(String prefix) {
        return a.getBean(Members.class).active(prefix);
    }

    @Test
    void aSessionSignedOutOnAIsRefusedOnBWithinOneSecond() {
        WebClient onA = new WebClient(port(a));
        onA.login(person("mso").email(), Members.PASSWORD);
        WebClient onB = onBWithSessionOf(onA);

        assertThat(onA.post("/logout").status()).isEqualTo(302);

        assertWithin(WITHIN, () -> refused(onB), "B refuses the session signed out on A");
    }

    @Test
    void signingOutOtherDevicesOnAEndsThemOnBWithinOneSecond() {
        Account person = person("mse");
        WebClient laptopOnA = new WebClient(port(a));
        laptopOnA.login(person.email(), Members.PASSWORD);
        WebClient phoneOnB = new WebClient(port(b));
        phoneOnB.login(person.email(), Members.PASSWORD);
        assertThat(phoneOnB.get("/settings").status()).isEqualTo(200);

        assertThat(laptopOnA.post("/settings/sessions/others/delete").status()).isEqualTo(302);

        assertWithin(WITHIN, () -> refused(phoneOnB), "B refuses the other device signed out on A");
        assertThat(laptopOnA.get("/settings").status()).isEqualTo(200);
        assertThat(onBWithSessionOf(laptopOnA).get("/settings").status()).as("the device that asked").isEqualTo(200);
    }

    @Test
    void aSessionIdOfBeforeSignInOnAIsRefusedOnB() {
        Account person = person("msf");
        WebClient onA = new WebClient(port(a));
        onA.login(person.email(), Members.PASSWORD);
        String signedInId = onA.cookie("SESSION").orElseThrow().getValue();
        onBWithSessionOf(onA);

        onA.login(person.email(), Members.PASSWORD); // signs in again: a new id, the old one ends

        assertThat(onA.cookie("SESSION").orElseThrow().getValue()).isNotEqualTo(signedInId);
        WebClient old = new WebClient(port(b));
        old.setCookie("SESSION", signedInId);
        assertWithin(WITHIN, () -> refused(old), "B refuses the id the sign-in on A replaced");
    }

    @Test
    void whileTheBusBetweenNodesIsCutBReadsSessionsFromTheDatabase() {
        WebClient onA = new WebClient(port(a));
        onA.login(person("msc").email(), Members.PASSWORD);
        WebClient onB = onBWithSessionOf(onA);
        Broadcast busOfB = b.getBean(Broadcast.class);

        String database = a.getEnvironment().getProperty("spring.datasource.url").replaceAll(".*/", "");
        a.getBean(JdbcClient.class).sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = ? "
                + "and application_name = 'tribune-live-bus'").param(database).query().listOfRows();
        assertWithin(Duration.ofSeconds(5), () -> !busOfB.trusted(), "B stops trusting its copies");
        assertThat(onA.post("/logout").status()).isEqualTo(302); // B may not hear of it

        assertWithin(WITHIN, () -> refused(onB), "B refuses the session signed out on A while the bus was cut");
        assertWithin(Duration.ofSeconds(10), busOfB::trusted, "B trusts its copies again once the bus is back");
        assertThat(refused(onB)).isTrue();
        WebClient again = new WebClient(port(b));
        again.login(person("msd").email(), Members.PASSWORD);
        assertThat(again.get("/settings").status()).isEqualTo(200);
    }
}
