package org.tribune.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

/** A signed-in page's event stream, over real HTTP, hears of a new notification within seconds. */
@IntegrationTest
class LiveChannelTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    LiveChannel channel;

    /** An open {@code /live} stream whose lines a reader thread collects. */
    record Stream(HttpResponse<InputStream> response, BlockingQueue<String> lines) implements AutoCloseable {
        /** The data of the next event with this name, waiting at most {@code within}. */
        String next(String event, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            boolean named = false;
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.equals("event:" + event)) {
                    named = true;
                } else if (named && line.startsWith("data:")) {
                    return line.substring(5);
                } else if (line.isEmpty()) {
                    named = false;
                }
            }
            throw new AssertionError("no \"" + event + "\" event within " + within + "; read " + lines);
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    Stream open(WebClient browser) throws Exception {
        String session = browser.cookie("SESSION").orElseThrow().getValue();
        HttpResponse<InputStream> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/live"))
                        .header("Cookie", "SESSION=" + session).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        });
        return new Stream(response, lines);
    }

    @Test
    void aModeratorsOpenPageHearsOfARequestToJoinAtOnce() throws Exception {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group club = groups.create(ana, new GroupForm("live-" + Members.uniqueHandle("g").substring(2).toLowerCase().replace('_', '-'),
                "Live maps", "", "en", "PRIVATE", "REQUEST", List.of("Why?"), false));
        WebClient browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);

        try (Stream live = open(browser)) {
            assertThat(live.response().statusCode()).isEqualTo(200);
            assertThat(live.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(channel.connections(ana.id())).isEqualTo(1);

            groupJoining.join(bob, club.slug(), List.of("I love maps"));

            assertThat(live.next("notification", Duration.ofSeconds(5))).isEqualTo("{\"unread\":1}");
        }
    }

    /**
     * An open page costs a few KiB only because its connection is handed over to an {@link UpgradedStream} once the
     * headers are sent; kept as an open servlet request it costs over 100 KiB (docs/benchmarks.md). And a page that
     * closes is forgotten at once, not at the next heartbeat.
     */
    @Test
    void theStreamKeepsOnlyItsSocketAndIsForgottenWhenThePageCloses() throws Exception {
        Account ana = members.active("ana");
        WebClient browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);

        Stream live = open(browser);
        assertThat(live.response().headers().firstValue("Connection")).hasValue("close");
        assertThat(live.response().headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(live.lines().poll(5, TimeUnit.SECONDS)).isEqualTo("retry:5000");
        // Tomcat hands the connection over once the request has ended, just after the response left.
        waitUntil(() -> channel.streams(ana.id()).stream().allMatch(s -> s != null));
        assertThat(channel.streams(ana.id())).singleElement().isInstanceOf(UpgradedStream.class);
        // responses have a write buffer of 64 KiB; the stream, open for hours, gives it up for a small one
        UpgradedStream stream = (UpgradedStream) channel.streams(ana.id()).getFirst();
        assertThat(stream.writeBufferBytes()).isEqualTo(4096);
        channel.send(ana.id(), "feed", java.util.Map.of("post", "9"));
        assertThat(live.next("feed", Duration.ofSeconds(5))).isEqualTo("{\"post\":\"9\"}");

        live.close();
        waitUntil(() -> channel.connections(ana.id()) == 0);
        assertThat(channel.connections(ana.id())).as("connections left after the page closed").isZero();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** One node holds 10,000 open pages (docs/benchmarks.md); Tomcat's own default is 8,192 connections. */
    @Test
    void theServerAcceptsMoreThanTenThousandConnections(@Autowired ServletWebServerApplicationContext context) {
        var protocol = (AbstractProtocol<?>) ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler();
        assertThat(protocol.getMaxConnections()).isGreaterThanOrEqualTo(10_000);
        assertThat(protocol.getAcceptCount()).isGreaterThanOrEqualTo(1_000);
        assertThat(protocol.getProperty("socket.appReadBufSize")).isEqualTo("4096");
        // responses are written in one piece: a feed page of about 70 KiB took 17 writes with 4 KiB
        assertThat(protocol.getProperty("socket.appWriteBufSize")).isEqualTo("65536");
    }

    @Test
    void eventsReachOnlyTheirAccount() throws Exception {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        WebClient anas = new WebClient(port);
        anas.login(ana.email(), Members.PASSWORD);
        WebClient bobs = new WebClient(port);
        bobs.login(bob.email(), Members.PASSWORD);

        try (Stream anaLive = open(anas); Stream bobLive = open(bobs)) {
            channel.send(bob.id(), "feed", java.util.Map.of("post", "42"));
            assertThat(bobLive.next("feed", Duration.ofSeconds(5))).isEqualTo("{\"post\":\"42\"}");
            channel.send(ana.id(), "feed", java.util.Map.of("post", "7"));
            assertThat(anaLive.next("feed", Duration.ofSeconds(5))).isEqualTo("{\"post\":\"7\"}");
            assertThat(bobLive.lines()).doesNotContain("data:{\"post\":\"7\"}");
        }
    }

    @Autowired
    LiveBus bus;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    /**
     * What was published while the bus between nodes was cut never reached this node's pages: once it is back, they
     * get the current unread count. On PostgreSQL the bus's own connection is cut; on H2 (one node, no bus) the
     * channel's hook is what runs.
     */
    @Test
    void pagesGetTheCurrentUnreadCountOnceTheBusIsBack() throws Exception {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group club = groups.create(ana, new GroupForm("resync-" + Members.uniqueHandle("g").substring(2).toLowerCase().replace('_', '-'),
                "Resync", "", "en", "PRIVATE", "REQUEST", List.of("Why?"), false));
        groupJoining.join(bob, club.slug(), List.of("Let me in"));
        WebClient browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);

        try (Stream live = open(browser)) {
            Thread.sleep(500); // the join's own push, if it was still on its way, is read and dropped here
            live.lines().clear();
            if (bus instanceof PostgresLiveBus postgres) {
                int pid = postgres.backendPid();
                db.sql("select pg_terminate_backend(?)").param(pid).query(Boolean.class).single();
            } else {
                publisher.publishEvent(new LiveUpdatesMissed(java.util.Set.of(ana.id())));
            }
            assertThat(live.next("notification", Duration.ofSeconds(10))).isEqualTo("{\"unread\":1}");
        }
    }
}
