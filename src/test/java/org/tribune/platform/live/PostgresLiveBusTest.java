package org.tribune.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.TestDatabase;
import org.tribune.platform.Database;

/** The bus between nodes on PostgreSQL: what is published is heard, also after the listening connection was cut. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PostgresLiveBusTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    Database database;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient db;
    @Autowired
    LiveBus applicationBus;

    private PostgresLiveBus bus() {
        return bus(database.url());
    }

    private PostgresLiveBus bus(String url) {
        return PostgresLiveBus.started(dataSource, url, environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
    }

    @Test
    void aMessageSurvivesTheTripAsJson() {
        assumeTrue(TestDatabase.isPostgres(), "LISTEN/NOTIFY is PostgreSQL's");
        try (PostgresLiveBus bus = bus()) {
            LiveMessage back = LiveWire.decode(LiveWire.encode(new LiveMessage(42, "notification", Map.of("unread", 3))));
            assertThat(back.accountId()).isEqualTo(42);
            assertThat(back.event()).isEqualTo("notification");
            assertThat(back.data()).isEqualTo(Map.of("unread", 3));
        }
    }

    @Test
    void publishedMessagesAreHeardAndTheListenerComesBackWhenItsConnectionIsCut() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "LISTEN/NOTIFY is PostgreSQL's");
        LinkedBlockingQueue<LiveMessage> heard = new LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger resyncs = new java.util.concurrent.atomic.AtomicInteger();
        try (PostgresLiveBus bus = bus()) {
            bus.subscribe(heard::add);
            bus.onReconnect(resyncs::incrementAndGet);
            waitUntilListening(bus);
            assertThat(resyncs.get()).as("no re-sync after the first connection").isZero();
            long account = System.nanoTime();
            bus.publish(new LiveMessage(account, "first", Map.of()));
            assertThat(next(heard, account).event()).isEqualTo("first");

            int pid = bus.backendPid();
            db.sql("select pg_terminate_backend(?)").param(pid).query(Boolean.class).single();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while ((bus.backendPid() == pid || !bus.isListening()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(bus.isListening()).isTrue();
            assertThat(bus.backendPid()).isNotEqualTo(pid);
            bus.publish(new LiveMessage(account, "after-reconnect", Map.of()));
            assertThat(next(heard, account).event()).isEqualTo("after-reconnect");
            assertThat(resyncs.get()).as("the node re-syncs once it listens again").isEqualTo(1);
        }
    }

    @Test
    void stoppingEndsTheListenerAndClosesItsConnection() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "LISTEN/NOTIFY is PostgreSQL's");
        PostgresLiveBus bus = bus();
        waitUntilListening(bus);
        int pid = bus.backendPid();
        bus.stop();
        assertThat(bus.isStopped()).isTrue();
        assertThat(bus.isRunning()).isFalse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (backendAlive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(backendAlive(pid)).as("the listening connection is closed").isFalse();
        int attempts = bus.connectionAttempts();
        Thread.sleep(1_500);
        assertThat(bus.connectionAttempts()).as("no reconnection after stop").isEqualTo(attempts);
        bus.close(); // closing after stopping is harmless
    }

    @Test
    void withItsDatabaseGoneTheListenerBacksOffSaysSoOnceAndStillStopsAtOnce(CapturedOutput output) throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "LISTEN/NOTIFY is PostgreSQL's");
        String missing = database.url().substring(0, database.url().lastIndexOf('/') + 1) + "tribune_no_such_database";
        int warningsBefore = warnings(output);
        PostgresLiveBus bus = bus(missing);
        // Attempts at 0, 0.25, 0.75, 1.75, 3.75, 7.75 s...: quick at first, then further apart (a retry every
        // second would make 7 by 6.5 s).
        Thread.sleep(2_000);
        assertThat(bus.connectionAttempts()).isBetween(3, 5);
        Thread.sleep(4_500);
        assertThat(bus.connectionAttempts()).isBetween(4, 6);
        assertThat(bus.isListening()).isFalse();
        assertThat(warnings(output) - warningsBefore).as("one warning for the whole outage").isEqualTo(1);
        long before = System.nanoTime();
        bus.stop();
        assertThat(bus.isStopped()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        int attempts = bus.connectionAttempts();
        Thread.sleep(1_000);
        assertThat(bus.connectionAttempts()).isEqualTo(attempts);
    }

    @Test
    void reconnectionsWaitTwiceAsLongEachTimeUpToAFewSeconds() {
        Duration wait = PostgresLiveBus.FIRST_RETRY;
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(wait);
            wait = PostgresLiveBus.after(wait);
        }
        assertThat(waits).startsWith(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(waits.getLast()).isEqualTo(PostgresLiveBus.LAST_RETRY);
    }

    @Test
    void theApplicationsBusIsStartedAndStoppedWithItsContext() {
        assumeTrue(TestDatabase.isPostgres(), "LISTEN/NOTIFY is PostgreSQL's");
        assertThat(applicationBus).isInstanceOf(PostgresLiveBus.class);
        assertThat(((PostgresLiveBus) applicationBus).isRunning()).isTrue();
    }

    private static int warnings(CapturedOutput output) {
        return output.getAll().split("live bus lost its PostgreSQL connection", -1).length - 1;
    }

    private boolean backendAlive(int pid) {
        return db.sql("select count(*) from pg_stat_activity where pid = ?").param(pid).query(Long.class).single() > 0;
    }

    @Test
    void aMessageTooBigForNotifyStaysOnThisNode() {
        assumeTrue(TestDatabase.isPostgres(), "LISTEN/NOTIFY is PostgreSQL's");
        LinkedBlockingQueue<LiveMessage> heard = new LinkedBlockingQueue<>();
        try (PostgresLiveBus bus = bus()) {
            bus.subscribe(heard::add);
            bus.publish(new LiveMessage(7, "big", Map.of("text", "x".repeat(PostgresLiveBus.MAX_PAYLOAD))));
            assertThat(heard.poll()).isNotNull();
        }
    }

    private static void waitUntilListening(PostgresLiveBus bus) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!bus.isListening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(bus.isListening()).isTrue();
    }

    /** The next message for this account (other test contexts share the channel and may publish meanwhile). */
    private static LiveMessage next(LinkedBlockingQueue<LiveMessage> heard, long account) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            LiveMessage message = heard.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.accountId() == account) {
                return message;
            }
        }
        throw new AssertionError("no message for account " + account);
    }
}
