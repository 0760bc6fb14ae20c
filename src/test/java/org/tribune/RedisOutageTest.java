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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.tribune.platform.RateLimiter;
import org.tribune.platform.TooManyRequests;

import redis.clients.jedis.JedisPooled;

/**
 * Redis goes away and comes back under a node that uses it ({@code tribune.redis.url}, reached through a
 * {@link TcpProxy} the test cuts and restores; the Redis server itself is never touched). While it is away, posts
 * are still published (rate limits count in the node's memory and still refuse the excess), live updates reach the
 * pages open on the node, every answer comes in a bounded time; once it is back, limits count in Redis again from
 * where they were, and the node's open pages are brought up to date. Runs on H2 and on PostgreSQL (Redis is the same
 * for both); needs the Redis server of {@code tribune.test.redis.url} (default redis://127.0.0.1:6379/15), which
 * these machines run.
 */
class RedisOutageTest {
    static final URI REDIS = URI.create(System.getProperty("tribune.test.redis.url", "redis://127.0.0.1:6379/15"));
    static final Duration BOUNDED = Duration.ofSeconds(5);

    private static TcpProxy proxy;
    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void startNodeBehindProxy() throws Exception {
        try (JedisPooled direct = new JedisPooled(REDIS)) {
            direct.ping();
        } catch (RuntimeException unreachable) {
            assumeTrue(false, "no Redis at " + REDIS + ": " + unreachable.getMessage());
        }
        proxy = new TcpProxy(REDIS.getHost(), REDIS.getPort());
        Map<String, Object> settings = new HashMap<>(TestDatabase.settings(false));
        settings.put("tribune.redis.url", "redis://127.0.0.1:" + proxy.port() + REDIS.getPath());
        settings.put("server.port", 0);
        settings.put("spring.datasource.hikari.pool-name", "redis-outage");
        settings.put("tribune.base-url", "http://127.0.0.1");
        node = new SpringApplicationBuilder(TribuneApplication.class)
                .initializers(new TestSettings(), context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("redis-outage", settings)))
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

    private static int port() {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void postsArePublishedAndLivePagesUpdatedWhileRedisIsAwayThenPagesCatchUp() throws Exception {
        Members members = node.getBean(Members.class);
        Account reader = members.active("rdr");
        Account writer = members.active("rdw");
        String token = "Bearer " + node.getBean(TokenService.class).createFor(writer.id(), "redis-outage");
        WebClient browser = new WebClient(port());
        browser.login(reader.email(), Members.PASSWORD);
        String session = browser.cookie("SESSION").orElseThrow().getValue();

        LinkedBlockingQueue<Long> notifications = new LinkedBlockingQueue<>();
        CountDownLatch open = new CountDownLatch(1);
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/live"))
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
                        notifications.add(System.nanoTime());
                    }
                });
            } catch (RuntimeException closed) {
                // the test is over
            }
        });
        assertThat(open.await(10, TimeUnit.SECONDS)).isTrue();

        proxy.cut();
        Thread.sleep(1_500); // the node's subscriber notices
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            WebClient.Response post = new WebClient(port()).postJson("/api/v1/posts",
                    Map.of("title", "", "body", "While Redis is away, @" + reader.handle() + " " + i), "Authorization", token);
            assertThat(post.status()).as("publishing while Redis is away").isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUNDED);
            published.add(Long.parseLong(post.json().get("id").asString()));
        }
        // The mention reached the page open on this node, though Redis could not carry it.
        assertThat(notifications.poll(BOUNDED.toSeconds(), TimeUnit.SECONDS)).as("live update while Redis is away").isNotNull();
        notifications.clear();

        proxy.restore();
        // Back on Redis, the node re-sends what its open pages show: the reader's page gets its count again.
        assertThat(notifications.poll(10, TimeUnit.SECONDS)).as("pages brought up to date after Redis came back").isNotNull();
        stream.body().close();
        JdbcClient db = node.getBean(JdbcClient.class);
        for (long id : published) {
            assertThat(db.sql("select count(*) from post where id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void rateLimitsCountInMemoryWhileRedisIsAwayThenInRedisAgain() throws Exception {
        RateLimiter limiter = node.getBean(RateLimiter.class);
        RateLimiter.Limit three = new RateLimiter.Limit("redis-outage-" + UUID.randomUUID(), 3, Duration.ofHours(1));
        // Another test's outage may still keep the limiter on memory for a few seconds.
        Thread.sleep(RateLimiter.RETRY_SHARED_AFTER.plusSeconds(1).toMillis());
        limiter.consume(three, "k");
        limiter.consume(three, "k");
        try (JedisPooled direct = new JedisPooled(REDIS)) {
            assertThat(direct.exists("tribune:bucket:" + three.name() + "|k")).as("counted in Redis").isTrue();
        }

        proxy.cut();
        try {
            long started = System.nanoTime();
            // Memory knows nothing of the two tokens taken in Redis: a full allowance, still a limit.
            for (int i = 0; i < 3; i++) {
                limiter.consume(three, "k");
            }
            assertThatThrownBy(() -> limiter.consume(three, "k")).isInstanceOf(TooManyRequests.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUNDED);
        } finally {
            proxy.restore();
        }

        // Redis again, where one token of three was left (memory has none). The node asks Redis again every
        // RETRY_SHARED_AFTER; its first try after the restore may meet a connection the cut left dead, so wait for it.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!limiter.hasRoom(three, "k") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        limiter.consume(three, "k");
        assertThatThrownBy(() -> limiter.consume(three, "k")).isInstanceOf(TooManyRequests.class);
    }
}
