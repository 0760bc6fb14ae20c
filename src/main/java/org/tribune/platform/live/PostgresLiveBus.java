package org.tribune.platform.live;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Live messages between nodes over PostgreSQL's LISTEN/NOTIFY. Publishing is a {@code pg_notify} on a pooled
 * connection in auto-commit mode, so it leaves at once even when called from inside (or just after) a transaction.
 * Every node, this one included, listens on one dedicated connection of its own, outside the pool (a listening
 * connection is never idle from the pool's point of view).
 *
 * <p>The listener runs between {@link #start} and {@link #stop} (the application context's lifecycle: it stops before
 * the pool closes and before the database may be gone). When its connection breaks it reconnects, waiting a little
 * longer after each failed attempt ({@link #FIRST_RETRY} doubling up to {@link #LAST_RETRY}), and says so once per
 * outage, not once per attempt. Messages published while a node is reconnecting do not reach it; once it listens
 * again it runs the {@link #onReconnect} hook, with which the node re-sends what its open pages show (see
 * {@link LiveChannel}).
 */
final class PostgresLiveBus implements LiveBus, SmartLifecycle, AutoCloseable {
    static final String CHANNEL = "tribune_live";
    /** PostgreSQL refuses payloads of 8000 bytes or more; bigger messages are delivered on this node only. */
    static final int MAX_PAYLOAD = 7_900;
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration LAST_RETRY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(PostgresLiveBus.class);

    private final DataSource pool;
    private final String url;
    private final String user;
    private final String password;
    private final List<Consumer<LiveMessage>> deliver = new CopyOnWriteArrayList<>();
    private final List<Runnable> resync = new CopyOnWriteArrayList<>();
    private final List<Runnable> lost = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection listener;
    private volatile int backendPid;
    private volatile Thread thread;
    private final AtomicInteger attempts = new AtomicInteger();
    /** Whether this bus listened before: listening again (after an outage, or a stop and start) is a reconnection. */
    private volatile boolean listenedBefore;

    PostgresLiveBus(DataSource pool, String url, String user, String password) {
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A bus already listening, for tests that use it outside an application context. */
    static PostgresLiveBus started(DataSource pool, String url, String user, String password) {
        PostgresLiveBus bus = new PostgresLiveBus(pool, url, user, password);
        bus.start();
        return bus;
    }

    @Override
    public void publish(LiveMessage message) {
        String payload = LiveWire.encode(message);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            log.warn("live message {} too big for NOTIFY; delivered on this node only", message.event());
            deliver.forEach(d -> d.accept(message));
            return;
        }
        try (Connection connection = pool.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            log.warn("could not publish a live message: {}", e.getMessage());
        }
    }

    @Override
    public void subscribe(Consumer<LiveMessage> deliver) {
        this.deliver.add(deliver);
    }

    @Override
    public void onReconnect(Runnable resync) {
        this.resync.add(resync);
    }

    @Override
    public void onLost(Runnable lost) {
        this.lost.add(lost);
    }

    @Override
    public boolean isConnected() {
        return listening;
    }

    /** Whether the listening connection is up, for tests and health. */
    boolean isListening() {
        return listening;
    }

    /** The PostgreSQL process of the listening connection, for tests that cut it. */
    int backendPid() {
        return backendPid;
    }

    private void listen() {
        Instant lostAt = null;
        Duration retry = FIRST_RETRY;
        while (running) {
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("ApplicationName", "tribune-live-bus");
            attempts.incrementAndGet();
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                listener = connection;
                if (!running) {
                    break; // stopped while connecting: close() may have missed this connection
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                backendPid = pg.getBackendPID();
                listening = true;
                retry = FIRST_RETRY;
                if (listenedBefore) {
                    log.info("live bus listens again after {} ms; pages open on this node are brought up to date",
                            lostAt == null ? 0 : Duration.between(lostAt, Instant.now()).toMillis());
                    runResync();
                }
                listenedBefore = true;
                lostAt = null;
                while (running) {
                    // Waits up to 10 s for notifications, then loops, which also notices a dead connection.
                    PGNotification[] received = pg.getNotifications(10_000);
                    if (received == null) {
                        try (Statement ping = connection.createStatement()) {
                            ping.execute("select 1");
                        }
                        continue;
                    }
                    for (PGNotification notification : received) {
                        handOver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running && lostAt == null) {
                    lostAt = Instant.now();
                    log.warn("live bus lost its PostgreSQL connection ({}); reconnecting. Messages published until it "
                            + "is back do not reach this node", e.getMessage());
                } else if (running) {
                    log.debug("live bus still cannot reach PostgreSQL: {}", e.getMessage());
                }
            } finally {
                if (listening) {
                    listening = false;
                    Hooks.runEach(lost, log, "could not mark caches untrusted after losing the bus");
                }
                listener = null;
            }
            if (!pause(retry)) {
                break;
            }
            retry = after(retry);
        }
    }

    /** The wait after {@code retry} failed too: twice as long, at most {@link #LAST_RETRY}. */
    static Duration after(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
    }

    private void runResync() {
        Hooks.runEach(resync, log, "could not bring live pages up to date after reconnecting");
    }

    private void handOver(String payload) {
        try {
            LiveMessage message = LiveWire.decode(payload);
            for (Consumer<LiveMessage> consumer : deliver) {
                try {
                    consumer.accept(message);
                } catch (RuntimeException e) {
                    log.warn("dropped a live message that could not be delivered: {}", e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.warn("dropped a live message that could not be read: {}", e.getMessage());
        }
    }

    /** Waits before the next attempt; false when the bus is stopped meanwhile. */
    private boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return running;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Times the listener tried to connect so far, for tests that check it backs off and stops trying. */
    int connectionAttempts() {
        return attempts.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("live-bus-listener").start(this::listen);
    }

    /** Stops listening: closes the connection, wakes the thread and waits (briefly) until it is gone. */
    @Override
    public synchronized void stop() {
        running = false;
        Connection connection = listener;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the listener thread has ended, for tests. */
    boolean isStopped() {
        Thread current = thread;
        return current == null || !current.isAlive();
    }

    @Override
    public void close() {
        stop();
    }
}
