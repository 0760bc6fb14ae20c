package org.tribune.platform.live;

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
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

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
    /** Pages one account may keep live at once; opening one more closes the oldest. */
    static final int MAX_PER_ACCOUNT = 5;

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

    /** Opens a connection for the account, closing its oldest when it already has {@link #MAX_PER_ACCOUNT}. */
    SseEmitter open(long accountId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        AtomicReference<Connection> self = new AtomicReference<>();
        Connection connection = new Connection(accountId, emitter, () -> forget(accountId, self.get()));
        self.set(connection);
        emitter.onCompletion(() -> forget(accountId, connection));
        emitter.onTimeout(() -> forget(accountId, connection));
        emitter.onError(failure -> forget(accountId, connection));
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
        // How soon to come back after a lost connection; written as soon as the response starts.
        connection.offer(SseEmitter.event().reconnectTime(5_000).comment("open"));
        return emitter;
    }

    /** Connections open on this node for the account. */
    int connections(long accountId) {
        List<Connection> list = open.get(accountId);
        return list == null ? 0 : list.size();
    }

    private void deliver(LiveMessage message) {
        List<Connection> list = open.get(message.accountId());
        if (list != null) {
            list.forEach(c -> c.offer(SseEmitter.event().name(message.event()).data(message.data(), MediaType.APPLICATION_JSON)));
        }
    }

    @Scheduled(fixedRate = HEARTBEAT_SECONDS, initialDelay = HEARTBEAT_SECONDS, timeUnit = TimeUnit.SECONDS)
    void heartbeat() {
        open.values().forEach(list -> list.forEach(c -> c.offer(SseEmitter.event().comment(""))));
    }

    private void forget(long accountId, Connection connection) {
        open.computeIfPresent(accountId, (id, list) -> {
            list.remove(connection);
            return list.isEmpty() ? null : list;
        });
        connection.stopWriting();
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
        private volatile Consumer<LiveMessage> deliver = message -> { };

        @Override
        public void publish(LiveMessage message) {
            deliver.accept(message);
        }

        @Override
        public void subscribe(Consumer<LiveMessage> deliver) {
            this.deliver = deliver;
        }
    }
}
