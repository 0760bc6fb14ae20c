package org.tribune.platform.live;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live messages between nodes over PostgreSQL's LISTEN/NOTIFY. Publishing is a {@code pg_notify} on a pooled
 * connection in auto-commit mode, so it leaves at once even when called from inside (or just after) a transaction.
 * Every node, this one included, listens on one dedicated connection of its own, outside the pool (a listening
 * connection is never idle from the pool's point of view); when it breaks, the listener reconnects after a second.
 * Messages published while a node is reconnecting do not reach it: live updates are a courtesy, the pages still
 * show the truth when reloaded.
 */
final class PostgresLiveBus implements LiveBus, AutoCloseable {
    static final String CHANNEL = "tribune_live";
    /** PostgreSQL refuses payloads of 8000 bytes or more; bigger messages are delivered on this node only. */
    static final int MAX_PAYLOAD = 7_900;
    private static final Logger log = LoggerFactory.getLogger(PostgresLiveBus.class);

    private final DataSource pool;
    private final String url;
    private final String user;
    private final String password;
    private volatile Consumer<LiveMessage> deliver = message -> { };
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection listener;
    private volatile int backendPid;
    private final Thread thread;

    PostgresLiveBus(DataSource pool, String url, String user, String password) {
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.password = password;
        this.thread = Thread.ofPlatform().daemon().name("live-bus-listener").start(this::listen);
    }

    @Override
    public void publish(LiveMessage message) {
        String payload = LiveWire.encode(message);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            log.warn("live message {} too big for NOTIFY; delivered on this node only", message.event());
            deliver.accept(message);
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
        this.deliver = deliver;
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
        while (running) {
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("ApplicationName", "tribune-live-bus");
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                listener = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                backendPid = pg.getBackendPID();
                listening = true;
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
                if (running) {
                    log.warn("live bus lost its PostgreSQL connection ({}); reconnecting", e.getMessage());
                }
            } finally {
                listening = false;
            }
            pause();
        }
    }

    private void handOver(String payload) {
        try {
            deliver.accept(LiveWire.decode(payload));
        } catch (RuntimeException e) {
            log.warn("dropped a live message that could not be delivered: {}", e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Connection connection = listener;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
    }
}
