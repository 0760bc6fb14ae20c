package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.platform.ClusterJobs;

/**
 * PostgreSQL goes away under load and comes back, as in a restart: a node whose database is reached through a
 * {@link TcpProxy} keeps four writers publishing through the API while the test cuts the proxy (every connection
 * closed, new ones refused) and restores it. While it is cut every answer is a 503 with {@code Retry-After}, in a
 * bounded time, never a 500; pages get an HTML 503; within seconds of the restore the node serves again by itself;
 * every post that was answered 201 is in the database; the live bus listens again and scheduled jobs claim runs.
 * PostgreSQL only: the embedded H2 database has no connection to lose (its disk failures are proved by
 * {@code platform.StorageFailureTest}).
 */
class DatabaseOutageTest {
    /** A 503 must come within the pool's connection timeout (3 s) plus room for a loaded test machine. */
    static final Duration BOUNDED = Duration.ofSeconds(10);
    static final Duration CUT_FOR = Duration.ofSeconds(4);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?(\\d+)");

    private static TcpProxy proxy;
    private static ConfigurableApplicationContext node;
    private static String database;

    @BeforeAll
    static void startNodeBehindProxy() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "a database reached over the network needs PostgreSQL; proved in the postgres-test run");
        Map<String, Object> settings = new HashMap<>(TestDatabase.settings(true));
        URI real = URI.create(((String) settings.get("spring.datasource.url")).substring("jdbc:".length()));
        database = real.getPath().substring(1);
        proxy = new TcpProxy(real.getHost(), real.getPort() < 0 ? 5432 : real.getPort());
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + real.getPath());
        settings.put("server.port", 0);
        settings.put("spring.datasource.hikari.maximum-pool-size", 4);
        settings.put("spring.datasource.hikari.pool-name", "outage");
        settings.put("tribune.base-url", "http://127.0.0.1");
        node = new SpringApplicationBuilder(TribuneApplication.class)
                .initializers(new TestSettings(), context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("outage", settings)))
                .run();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    record Answer(long startedNanos, long endedNanos, int status, String retryAfter, String type, Long postId) {
        Duration took() {
            return Duration.ofNanos(endedNanos - startedNanos);
        }
    }

    @Test
    void aRestartOfPostgresIsAnsweredWith503ThenServedAgainWithNothingAcknowledgedLost() throws Exception {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        Members members = node.getBean(Members.class);
        Account writer = members.active("outw");
        String token = "Bearer " + node.getBean(TokenService.class).createFor(writer.id(), "outage");
        WebClient browser = new WebClient(port);
        browser.login(writer.email(), Members.PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);
        String run = UUID.randomUUID().toString();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> hung = new ConcurrentLinkedQueue<>();
        var writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
        for (int w = 0; w < 4; w++) {
            int n = w;
            writers.submit(() -> {
                int i = 0;
                while (writing.get()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/posts"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"outage " + run + " " + n + "-" + i++ + "\"}"))
                            .build();
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        Matcher id = ID.matcher(response.body());
                        answers.add(new Answer(started, System.nanoTime(), response.statusCode(),
                                response.headers().firstValue("Retry-After").orElse(null),
                                response.headers().firstValue("Content-Type").orElse(""),
                                response.statusCode() == 201 && id.find() ? Long.parseLong(id.group(1)) : null));
                        if (response.statusCode() == 503) {
                            Thread.sleep(100); // a polite client backs off a little (less than Retry-After, to see recovery)
                        }
                    } catch (java.io.IOException e) {
                        hung.add(e);
                    }
                }
                return null;
            });
        }

        Thread.sleep(1_500);
        long cutAt = System.nanoTime();
        proxy.cut();
        Thread.sleep(500);
        // Pages while the database is away: a signed-in page (its session cannot be read) and a public one.
        WebClient.Response signedIn = browser.get("/");
        WebClient.Response anonymous = new WebClient(port).get("/groups");
        Thread.sleep(Math.max(0, CUT_FOR.toMillis() - 500));
        long liveBusWhileCut = liveBusConnections();
        long restoredAt = System.nanoTime();
        proxy.restore();
        Thread.sleep(8_000);
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(hung).as("requests that got no answer").isEmpty();
        List<Answer> all = new ArrayList<>(answers);
        assertThat(all).extracting(Answer::status).as("only published or unavailable, never a 500").containsOnly(201, 503);
        List<Answer> whileAway = all.stream().filter(a -> a.startedNanos() > cutAt && a.endedNanos() < restoredAt).toList();
        assertThat(whileAway).as("answers while the database was away").isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(503);
                    assertThat(a.retryAfter()).isNotBlank();
                    assertThat(a.type()).startsWith("application/problem+json");
                    assertThat(a.took()).isLessThan(BOUNDED);
                });
        for (WebClient.Response page : List.of(signedIn, anonymous)) {
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.header("Retry-After")).isNotBlank();
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("<h1");
        }
        Answer firstBack = all.stream().filter(a -> a.startedNanos() >= restoredAt && a.status() == 201)
                .min(java.util.Comparator.comparingLong(Answer::endedNanos)).orElseThrow();
        Duration recovery = Duration.ofNanos(firstBack.endedNanos() - restoredAt);
        assertThat(recovery).as("time to serve again after the database is back").isLessThan(BOUNDED);
        assertThat(all.stream().filter(a -> a.startedNanos() > firstBack.endedNanos() + 1_000_000_000L))
                .as("answers once recovered").isNotEmpty().allSatisfy(a -> assertThat(a.status()).isEqualTo(201));

        List<Long> acknowledged = all.stream().filter(a -> a.status() == 201).map(Answer::postId).toList();
        assertThat(acknowledged).doesNotContainNull();
        JdbcClient db = node.getBean(JdbcClient.class);
        long stored = db.sql("select count(*) from post where body like :run").param("run", "outage " + run + " %")
                .query(Long.class).single();
        long found = acknowledged.stream().filter(id -> db.sql("select count(*) from post where id = ?").param(id)
                .query(Long.class).single() == 1).count();
        assertThat(found).as("posts answered 201 that are in the database").isEqualTo(acknowledged.size());
        assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());

        // What runs beside requests came back too: the live bus listens again, a scheduled job claims its run.
        assertThat(liveBusWhileCut).as("live-bus connections while cut").isZero();
        long deadline = System.nanoTime() + BOUNDED.toNanos();
        while (liveBusConnections() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(liveBusConnections()).as("live bus listening again").isEqualTo(1);
        assertThat(node.getBean(ClusterJobs.class).claim("outage-test", run)).isTrue();
        assertThat(browser.get("/").status()).isEqualTo(200);

        long served503 = all.stream().filter(a -> a.status() == 503).count();
        System.out.printf("database outage: %d posts acknowledged, %d answered 503 (slowest %d ms, median %d ms); "
                        + "served again %d ms after the restore%n", acknowledged.size(), served503,
                whileAway.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0),
                whileAway.stream().mapToLong(a -> a.took().toMillis()).sorted().skip(whileAway.size() / 2).findFirst().orElse(0),
                recovery.toMillis());
    }

    /** The node's listening connections, counted by PostgreSQL itself (not through the proxy). */
    private static long liveBusConnections() throws Exception {
        String adminUrl = System.getProperty("tribune.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (var admin = DriverManager.getConnection(adminUrl, System.getProperty("tribune.test.postgres.user", "postgres"),
                        System.getProperty("tribune.test.postgres.password", ""));
                PreparedStatement count = admin.prepareStatement(
                        "select count(*) from pg_stat_activity where datname = ? and application_name = 'tribune-live-bus'")) {
            count.setString(1, database);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
