package org.tribune.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.JedisPooled;

/**
 * Live messages over Redis pub/sub, as used when {@code tribune.redis.url} is set: what one node publishes, another
 * node's bus delivers. Skipped when no Redis answers (Redis is optional).
 */
class RedisLiveBusTest {
    static final URI REDIS = URI.create(System.getProperty("tribune.test.redis.url", "redis://127.0.0.1:6379/15"));

    @Test
    void aMessagePublishedByOneNodeIsDeliveredByAnother() throws Exception {
        try (JedisPooled pool = new JedisPooled(REDIS)) {
            try {
                pool.ping();
            } catch (RuntimeException unreachable) {
                assumeTrue(false, "no Redis at " + REDIS);
            }
            LinkedBlockingQueue<LiveMessage> heardOnB = new LinkedBlockingQueue<>();
            try (RedisLiveBus a = new RedisLiveBus(pool, REDIS); RedisLiveBus b = new RedisLiveBus(pool, REDIS)) {
                b.subscribe(heardOnB::add);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!b.isListening() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(b.isListening()).isTrue();
                long account = System.nanoTime();
                a.publish(new LiveMessage(account, "notification", Map.of("unread", 2)));
                LiveMessage heard = heardOnB.poll(5, TimeUnit.SECONDS);
                while (heard != null && heard.accountId() != account) {
                    heard = heardOnB.poll(5, TimeUnit.SECONDS);
                }
                assertThat(heard).isNotNull();
                assertThat(heard.event()).isEqualTo("notification");
                assertThat(heard.data()).isEqualTo(Map.of("unread", 2));
            }
        }
    }
}
