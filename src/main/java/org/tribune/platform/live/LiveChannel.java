package org.tribune.platform.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates for signed-in people: each open page holds a Server-Sent Events connection ({@code GET /live}), and
 * any feature calls {@link #send} to push an event to every page one account has open. Connections live in this
 * node's memory; {@link #send} goes through a {@link LiveBus}, in memory by default, so that a bus between nodes can
 * be plugged in without changing callers.
 */
@Component
public class LiveChannel implements SmartLifecycle {
    /** Browsers reconnect by themselves when a connection ends; an hour keeps reconnections rare. */
    static final Duration TIMEOUT = Duration.ofHours(1);
    /** Proxies close idle connections (often after 30 to 60 s), and a write is how a gone client is noticed. */
    static final long HEARTBEAT_SECONDS = 25;
    /** A connection whose stream was never attached (its request failed on the way) is forgotten after this. */
    static final Duration ATTACH_TIMEOUT = Duration.ofMinutes(1);
    /** Pages one account may keep live at once; opening one more closes the oldest. */
    static final int MAX_PER_ACCOUNT = 5;
    /** What a stream starts with: how soon to come back after a lost connection, and a comment. */
    static final byte[] OPENING = "retry:5000\n:open\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);
    /** The data of an event is written as plain JSON, as it crosses nodes (see {@link LiveWire}). */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Long, List<Connection>> open = new ConcurrentHashMap<>();
    private final LiveBus bus;
    private final ApplicationEventPublisher events;
    private volatile boolean running;

    LiveChannel(ObjectProvider<LiveBus> buses) {
        this(buses, event -> { });
    }

    @Autowired
    LiveChannel(ObjectProvider<LiveBus> buses, ApplicationEventPublisher events) {
        this.bus = buses.getIfAvailable(LocalBus::new);
        this.events = events;
        this.bus.subscribe(this::deliver);
        this.bus.onReconnect(this::missed);
    }

    /**
     * Pushes {@code event} with {@code data} (written as JSON) to every page the account has open, on any node. Returns
     * at once: nothing waits for the pages, and an account with no page open is simply not reached.
     */
    public void send(long accountId, String event, Object data) {
        bus.publish(new LiveMessage(accountId, event, data));
    }

    /**
     * Pushes an event to the account's pages open on this node only: for re-sending, after the bus between nodes was
     * cut, what this node's pages may have missed (see {@link LiveUpdatesMissed}).
     */
    public void sendHere(long accountId, String event, Object data) {
        deliver(new LiveMessage(accountId, event, data));
    }

    /** The bus is back after an outage: features re-send what the pages open here may have missed. */
    private void missed() {
        Set<Long> accounts = Set.copyOf(open.keySet());
        if (!accounts.isEmpty()) {
            events.publishEvent(new LiveUpdatesMissed(accounts));
        }
    }

    /**
     * Counts a page that asks for its stream, closing the account's oldest when it already has
     * {@link #MAX_PER_ACCOUNT}. Events sent from now on wait until the stream is {@link Connection#attach attached}.
     */
    Connection open(long accountId) {
        AtomicReference<Connection> self = new AtomicReference<>();
        Connection connection = new Connection(() -> forget(accountId, self.get()));
        self.set(connection);
        AtomicReference<Connection> oldest = new AtomicReference<>();
        open.compute(accountId, (id, connections) -> {
            List<Connection> list = connections == null ? new CopyOnWriteArrayList<>() : connections;
            list.add(connection);
            if (list.size() > MAX_PER_ACCOUNT) {
                oldest.set(list.removeFirst());
            }
            return list;
        });
        if (oldest.get() != null) {
            oldest.get().close();
        }
        return connection;
    }

    /** Opens a connection for the account on a stream ready to be written. */
    void open(long accountId, LiveSink stream) {
        open(accountId).attach(stream);
    }

    /** Connections open on this node for the account. */
    int connections(long accountId) {
        List<Connection> list = open.get(accountId);
        return list == null ? 0 : list.size();
    }

    /** The streams of the account's open pages on this node, oldest first. */
    List<LiveSink> streams(long accountId) {
        List<Connection> list = open.get(accountId);
        return list == null ? List.of() : list.stream().map(Connection::sink).toList();
    }

    /** Connections open on this node. */
    int connections() {
        return open.values().stream().mapToInt(List::size).sum();
    }

    private void deliver(LiveMessage message) {
        List<Connection> list = open.get(message.accountId());
        if (list != null) {
            byte[] event = event(message.event(), JSON.writeValueAsString(message.data()));
            list.forEach(c -> c.offer(event));
        }
    }

    /** One event in the Server-Sent Events format; the JSON of the data holds no line break. */
    static byte[] event(String name, String json) {
        return ("event:" + name + "\ndata:" + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Keeps idle connections alive through proxies, notices gone clients, and ends connections past {@link #TIMEOUT}
     * (and those whose stream never came).
     */
    @Scheduled(fixedRate = HEARTBEAT_SECONDS, initialDelay = HEARTBEAT_SECONDS, timeUnit = TimeUnit.SECONDS)
    void heartbeat() {
        long timeout = TIMEOUT.toNanos();
        long handOver = ATTACH_TIMEOUT.toNanos();
        open.values().forEach(list -> list.forEach(c -> {
            if (c.age() > timeout || (c.sink() == null && c.age() > handOver)) {
                c.close();
            } else {
                c.offer(HEARTBEAT);
            }
        }));
    }

    private void forget(long accountId, Connection connection) {
        open.computeIfPresent(accountId, (id, list) -> {
            list.remove(connection);
            return list.isEmpty() ? null : list;
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every connection before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        open.values().forEach(list -> list.forEach(Connection::close));
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One node: messages go straight to this node's connections. */
    static final class LocalBus implements LiveBus {
        private final List<Consumer<LiveMessage>> deliver = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LiveMessage message) {
            deliver.forEach(d -> d.accept(message));
        }

        @Override
        public void subscribe(Consumer<LiveMessage> deliver) {
            this.deliver.add(deliver);
        }
    }
}
