package org.tribune.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.TestDatabase;
import org.tribune.platform.Database;

/** The bus between nodes on PostgreSQL: what is published is heard, also after the listening connection was cut. */
@IntegrationTest
class PostgresLiveBusTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    Database database;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient db;

    private PostgresLiveBus bus() {
        return new PostgresLiveBus(dataSource, database.url(), environment.getProperty("spring.datasource.username"),
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
        try (PostgresLiveBus bus = bus()) {
            bus.subscribe(heard::add);
            waitUntilListening(bus);
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
        }
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
