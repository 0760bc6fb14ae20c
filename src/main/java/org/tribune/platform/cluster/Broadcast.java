package org.tribune.platform.cluster;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tribune.platform.live.LiveBus;
import org.tribune.platform.live.LiveMessage;

/**
 * Short messages by topic to every node, carried by the live bus between nodes (PostgreSQL LISTEN/NOTIFY or Redis
 * pub/sub; in memory on one node). {@link #publish} hands the message to this node's subscribers at once, in the
 * caller's thread, and to the other nodes' subscribers as soon as the bus carries it (a few milliseconds), sent in
 * the order published.
 *
 * <p>Delivery between nodes is at most once: while the bus is cut, what other nodes publish never arrives here. So
 * the broadcast says whether this node may rely on having heard everything ({@link #trusted}): not while the bus is
 * down, and not again until every {@link #onResync} hook (caches clearing themselves) has run after it came back.
 * {@link #epoch} changes at each loss and each resync, so a value read from the database across one is not kept.
 */
@Component
public class Broadcast {
    static final String EVENT = "cluster";
    /** PostgreSQL's NOTIFY takes under 8000 bytes, wrapping included: payloads are meant to be ids and keys. */
    public static final int MAX_PAYLOAD = 6_000;
    private static final Logger log = LoggerFactory.getLogger(Broadcast.class);

    private final LiveBus bus;
    /** Who published, so that a node does not hear its own messages twice. */
    private final String node = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> resyncs = new CopyOnWriteArrayList<>();
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean resyncPending;
    /**
     * Sends to the other nodes, one message after the other, off the caller's thread: a publish after commit runs
     * while the transaction still holds its connection, and a NOTIFY needs another (a pool of n would starve).
     */
    private final Executor sender;

    @Autowired
    Broadcast(LiveBus bus) {
        this(bus, Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("cluster-broadcast").factory()));
    }

    Broadcast(LiveBus bus, Executor sender) {
        this.bus = bus;
        this.sender = sender;
        bus.subscribe(this::heard);
        bus.onLost(this::lost);
        bus.onReconnect(this::resync);
    }

    /** Sends {@code payload} (at most {@link #MAX_PAYLOAD} characters) to the subscribers of {@code topic} on every node. */
    public void publish(String topic, String payload) {
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("broadcast payload over " + MAX_PAYLOAD + " characters on " + topic);
        }
        deliver(topic, payload);
        LiveMessage message = new LiveMessage(0, EVENT, Map.of("node", node, "topic", topic, "payload", payload));
        sender.execute(() -> {
            try {
                bus.publish(message);
            } catch (RuntimeException e) {
                log.warn("broadcast on {} not sent to the other nodes: {}", topic, e.getMessage());
            }
        });
    }

    /** {@code handler} receives every payload published on {@code topic}, by any node, this one included. */
    public void subscribe(String topic, Consumer<String> handler) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /**
     * Runs {@code resync} each time the bus is back after an outage, before this node trusts its caches again: a cache
     * clears itself there (what it holds may have changed on another node meanwhile).
     */
    public void onResync(Runnable resync) {
        resyncs.add(resync);
    }

    /** Whether this node has heard every message published by the others: bus up and resynchronised since any outage. */
    public boolean trusted() {
        return !resyncPending && bus.isConnected();
    }

    /** Changes each time trust is lost or regained: a value loaded under one epoch is not kept under another. */
    public long epoch() {
        return epoch.get();
    }

    private void heard(LiveMessage message) {
        if (message.accountId() != 0 || !EVENT.equals(message.event()) || !(message.data() instanceof Map<?, ?> data)) {
            return;
        }
        if (node.equals(data.get("node"))) {
            return; // delivered here already, when published
        }
        if (data.get("topic") instanceof String topic && data.get("payload") instanceof String payload) {
            deliver(topic, payload);
        }
    }

    private void deliver(String topic, String payload) {
        for (Consumer<String> handler : subscribers.getOrDefault(topic, List.of())) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                log.warn("broadcast on {} not handled: {}", topic, e.getMessage());
            }
        }
    }

    private void lost() {
        resyncPending = true;
        epoch.incrementAndGet();
        log.warn("caches are bypassed until the bus between nodes is back and they are cleared");
    }

    private void resync() {
        resyncPending = true;
        epoch.incrementAndGet();
        for (Runnable hook : resyncs) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.warn("could not resynchronise after the bus came back: {}", e.getMessage());
            }
        }
        epoch.incrementAndGet();
        resyncPending = false;
        log.info("caches cleared and trusted again after the bus between nodes came back");
    }
}
