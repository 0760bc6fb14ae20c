package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.platform.ClusterJobs;
import org.tribune.platform.RateLimiter;
import org.tribune.platform.TooManyRequests;

/**
 * Two nodes, A and B, in this JVM on two loopback ports, sharing one fresh PostgreSQL database, as a deployment of
 * several nodes behind a proxy would. Proves that nothing a person relies on is held by one node only. Runs in the
 * PostgreSQL execution of the suite (H2 is one node by design, so there it has nothing to prove).
 */
@Tag("multinode")
class MultiNodeTest {
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
    static void stopNodes() throws Exception {
        String url = a == null ? null : a.getEnvironment().getProperty("spring.datasource.url");
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (url != null) {
            // Closed with their contexts, the nodes' live-bus listeners leave the database and do not come back.
            String database = url.substring(url.lastIndexOf('/') + 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (liveBusConnections(database) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(liveBusConnections(database)).isZero();
            Thread.sleep(1_500);
            assertThat(liveBusConnections(database)).isZero();
        }
    }

    private static long liveBusConnections(String database) throws java.sql.SQLException {
        String adminUrl = System.getProperty("tribune.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(adminUrl,
                        System.getProperty("tribune.test.postgres.user", "postgres"),
                        System.getProperty("tribune.test.postgres.password", ""));
                java.sql.PreparedStatement count = admin.prepareStatement(
                        "select count(*) from pg_stat_activity where datname = ? and application_name = 'tribune-live-bus'")) {
            count.setString(1, database);
            try (java.sql.ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static ConfigurableApplicationContext node(String name, Map<String, Object> database) {
        return ClusterNode.start(name, database);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ClusterNode.port(node);
    }

    private static String token(Account account) {
        return "Bearer " + a.getBean(TokenService.class).createFor(account.id(), "multi-node");
    }

    @Test
    void aPictureUploadedOnAIsServedByB() {
        Account writer = a.getBean(Members.class).active("mnp");
        String token = token(writer);
        WebClient onA = new WebClient(port(a));
        WebClient.Response uploaded = onA.sendMultipart("POST", "/api/v1/media", java.util.List.of(
                WebClient.Part.file("file", "feeder.png", "image/png", org.tribune.media.TestPictures.png(900, 600)),
                WebClient.Part.field("description", "A feeder")), "Authorization", token);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        WebClient.Response post = onA.postJson("/api/v1/posts", Map.of("body", "From node A", "media", java.util.List.of(id)),
                "Authorization", token);
        assertThat(post.status()).as(post.body()).isEqualTo(201);

        WebClient.Bytes fromA = new WebClient(port(a)).getBytes("/media/" + id + "/400.webp");
        WebClient.Bytes fromB = new WebClient(port(b)).getBytes("/media/" + id + "/400.webp");
        assertThat(fromB.status()).isEqualTo(200);
        assertThat(fromB.header("Content-Type")).isEqualTo("image/webp");
        assertThat(fromB.body()).isEqualTo(fromA.body());
        assertThat(new WebClient(port(b)).getBytes("/media/" + id + "/900.jpg").status()).isEqualTo(200);
    }

    @Test
    void aSessionMadeOnOneNodeIsValidOnTheOther() {
        Account person = a.getBean(Members.class).active("mna");
        WebClient onA = new WebClient(port(a));
        onA.login(person.email(), Members.PASSWORD);
        String session = onA.cookie("SESSION").orElseThrow().getValue();
        assertThat(new WebClient(port(b)).get("/settings").status()).as("B without the cookie").isEqualTo(302);
        WebClient onB = new WebClient(port(b));
        onB.setCookie("SESSION", session);
        WebClient.Response settings = onB.get("/settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).contains("@" + person.handle());
    }

    @Test
    void aPostMadeOnAReachesALivePageOnBWithinOneSecond() throws Exception {
        Members members = a.getBean(Members.class);
        Account reader = members.active("mnr");
        Account writer = members.active("mnw");
        WebClient browser = new WebClient(port(b));
        browser.login(reader.email(), Members.PASSWORD);
        String session = browser.cookie("SESSION").orElseThrow().getValue();

        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<Long> arrived = new CompletableFuture<>();
        CountDownLatch open = new CountDownLatch(1);
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(b) + "/live"))
                .header("Cookie", "SESSION=" + session).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> {
            try {
                stream.body().forEach(line -> {
                    if (line.startsWith(":open") || line.startsWith(": open") || line.startsWith("retry:")) {
                        open.countDown();
                    }
                    if (line.equals("event:notification")) {
                        arrived.complete(System.nanoTime());
                    }
                });
            } catch (RuntimeException closed) {
                arrived.completeExceptionally(closed);
            }
        });
        assertThat(open.await(10, TimeUnit.SECONDS)).as("the live connection opened on B").isTrue();

        long sent = System.nanoTime();
        WebClient.Response published = new WebClient(port(a)).postJson("/api/v1/posts",
                Map.of("title", "", "body", "Hello @" + reader.handle() + " from node A"), "Authorization", token(writer));
        assertThat(published.status()).isEqualTo(201);
        long at = arrived.get(1, TimeUnit.SECONDS);
        Duration crossing = Duration.ofNanos(at - sent);
        System.out.printf("MultiNodeTest: post on A to event on B's live page in %d ms%n", crossing.toMillis());
        assertThat(crossing).isLessThan(Duration.ofSeconds(1));
        stream.body().close();
    }

    @Test
    void rateLimitsAreSharedByTheNodes() {
        RateLimiter onA = a.getBean(RateLimiter.class);
        RateLimiter onB = b.getBean(RateLimiter.class);
        assertThat(onA.isShared()).isTrue();
        RateLimiter.Limit three = new RateLimiter.Limit("multi-node-" + UUID.randomUUID(), 3, Duration.ofHours(1));
        onA.consume(three, "key");
        onB.consume(three, "key");
        onA.consume(three, "key");
        assertThat(onB.hasRoom(three, "key")).isFalse();
        assertThatThrownBy(() -> onB.consume(three, "key")).isInstanceOf(TooManyRequests.class);
        assertThatThrownBy(() -> onA.consume(three, "key")).isInstanceOf(TooManyRequests.class);
        assertThat(onA.hasRoom(three, "other")).isTrue();
    }

    @Test
    void aJobGuardedByClusterJobsRunsOnceWhenBothNodesFireTogether() throws Exception {
        String job = "multi-node-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> runs = new ArrayList<>();
        try (ExecutorService schedulers = Executors.newFixedThreadPool(4)) {
            for (ConfigurableApplicationContext node : List.of(a, b, a, b)) {
                ClusterJobs jobs = node.getBean(ClusterJobs.class);
                runs.add(schedulers.submit(() -> {
                    start.await();
                    return jobs.claimWindow(job, Duration.ofHours(1));
                }));
            }
            start.countDown();
            int ran = 0;
            for (Future<Boolean> run : runs) {
                ran += run.get() ? 1 : 0;
            }
            assertThat(ran).isEqualTo(1);
        }
    }
}
