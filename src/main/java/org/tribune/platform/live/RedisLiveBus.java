package org.tribune.platform.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * Live messages between nodes over Redis pub/sub, when {@code tribune.redis.url} is set: publishing goes through
 * the shared pool, and each node subscribes on one connection of its own, resubscribing a second after it breaks.
 * While Redis is away a message that cannot be published is delivered to the pages open on this node (the others
 * cannot be reached); once subscribed again the node runs the {@link #onReconnect} hook, as with LISTEN/NOTIFY, so
 * that what its pages missed meanwhile is sent again. Each outage is logged once, not once per message.
 */
final class RedisLiveBus implements LiveBus, AutoCloseable {
    static final String CHANNEL = "tribune:live";
    private static final Logger log = LoggerFactory.getLogger(RedisLiveBus.class);

    private final JedisPooled pool;
    private final java.net.URI uri;
    private final List<Consumer<LiveMessage>> deliver = new CopyOnWriteArrayList<>();
    private final List<Runnable> resync = new CopyOnWriteArrayList<>();
    private final List<Runnable> lostHooks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean publishFailing = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile Subscriber subscriber;
    private final Thread thread;

    RedisLiveBus(JedisPooled pool, java.net.URI uri) {
        this.pool = pool;
        this.uri = uri;
        this.thread = Thread.ofPlatform().daemon().name("live-bus-redis").start(this::listen);
    }

    @Override
    public void publish(LiveMessage message) {
        try {
            pool.publish(CHANNEL, LiveWire.encode(message));
            if (publishFailing.compareAndSet(true, false)) {
                log.info("live messages are published through Redis again");
            }
        } catch (RuntimeException e) {
            if (publishFailing.compareAndSet(false, true)) {
                log.warn("could not publish live messages through Redis ({}); delivering them on this node only until"
                        + " it is back", e.getMessage());
            }
            for (Consumer<LiveMessage> consumer : deliver) {
                try {
                    consumer.accept(message);
                } catch (RuntimeException undeliverable) {
                    log.debug("dropped a live message that could not be delivered: {}", undeliverable.getMessage());
                }
            }
        }
    }

    @Override
    public void onReconnect(Runnable resync) {
        this.resync.add(resync);
    }

    @Override
    public void onLost(Runnable lost) {
        this.lostHooks.add(lost);
    }

    @Override
    public void subscribe(Consumer<LiveMessage> deliver) {
        this.deliver.add(deliver);
    }

    @Override
    public boolean isConnected() {
        return isListening();
    }

    boolean isListening() {
        Subscriber current = subscriber;
        return current != null && current.isSubscribed();
    }

    private final class Subscriber extends JedisPubSub {
        private final Runnable onSubscribed;

        Subscriber(Runnable onSubscribed) {
            this.onSubscribed = onSubscribed;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            onSubscribed.run();
        }

        @Override
        public void onMessage(String channel, String payload) {
            LiveMessage message;
            try {
                message = LiveWire.decode(payload);
            } catch (RuntimeException e) {
                log.warn("dropped a live message that could not be read: {}", e.getMessage());
                return;
            }
            for (Consumer<LiveMessage> consumer : deliver) {
                try {
                    consumer.accept(message);
                } catch (RuntimeException e) {
                    log.warn("dropped a live message that could not be delivered: {}", e.getMessage());
                }
            }
        }
    }

    private void listen() {
        AtomicBoolean subscribedBefore = new AtomicBoolean();
        AtomicBoolean lost = new AtomicBoolean();
        while (running) {
            try (Jedis connection = new Jedis(uri)) {
                Subscriber current = new Subscriber(() -> {
                    boolean before = subscribedBefore.getAndSet(true);
                    if (lost.getAndSet(false) && before) {
                        log.info("live bus subscribed to Redis again; pages open on this node are brought up to date");
                        runResync();
                    }
                });
                subscriber = current;
                connection.subscribe(current, CHANNEL); // blocks until unsubscribed or broken
            } catch (RuntimeException e) {
                if (running && !lost.getAndSet(true)) {
                    log.warn("live bus lost its Redis connection ({}); reconnecting every second", e.getMessage());
                    if (subscribedBefore.get()) {
                        Hooks.runEach(lostHooks, log, "could not mark caches untrusted after losing Redis");
                    }
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }

    private void runResync() {
        Hooks.runEach(resync, log, "could not bring live pages up to date after Redis came back");
    }

    @Override
    public void close() {
        running = false;
        Subscriber current = subscriber;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException ignored) {
                // the connection is going anyway
            }
        }
        thread.interrupt();
    }
}
