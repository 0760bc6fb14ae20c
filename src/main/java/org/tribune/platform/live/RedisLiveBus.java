package org.tribune.platform.live;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * Live messages between nodes over Redis pub/sub, when {@code tribune.redis.url} is set: publishing goes through
 * the shared pool, and each node subscribes on one connection of its own, resubscribing a second after it breaks.
 * As with LISTEN/NOTIFY, a node misses what is published while it reconnects.
 */
final class RedisLiveBus implements LiveBus, AutoCloseable {
    static final String CHANNEL = "tribune:live";
    private static final Logger log = LoggerFactory.getLogger(RedisLiveBus.class);

    private final JedisPooled pool;
    private final java.net.URI uri;
    private volatile Consumer<LiveMessage> deliver = message -> { };
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
        } catch (RuntimeException e) {
            log.warn("could not publish a live message: {}", e.getMessage());
        }
    }

    @Override
    public void subscribe(Consumer<LiveMessage> deliver) {
        this.deliver = deliver;
    }

    boolean isListening() {
        Subscriber current = subscriber;
        return current != null && current.isSubscribed();
    }

    private final class Subscriber extends JedisPubSub {
        @Override
        public void onMessage(String channel, String payload) {
            try {
                deliver.accept(LiveWire.decode(payload));
            } catch (RuntimeException e) {
                log.warn("dropped a live message that could not be delivered: {}", e.getMessage());
            }
        }
    }

    private void listen() {
        while (running) {
            try (Jedis connection = new Jedis(uri)) {
                Subscriber current = new Subscriber();
                subscriber = current;
                connection.subscribe(current, CHANNEL); // blocks until unsubscribed or broken
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("live bus lost its Redis connection ({}); reconnecting", e.getMessage());
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException stopped) {
                return;
            }
        }
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
