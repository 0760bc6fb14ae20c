package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.JedisPooled;

/**
 * Rate limits in Redis, as used when {@code tribune.redis.url} is set: two limiters (two nodes) share one allowance,
 * and tokens come back with time. Needs the Redis server of {@code tribune.test.redis.url}
 * (default redis://127.0.0.1:6379/15); skipped when none answers, since Redis is optional.
 */
class RedisBucketsTest {
    static final URI REDIS = URI.create(System.getProperty("tribune.test.redis.url", "redis://127.0.0.1:6379/15"));
    static JedisPooled redis;

    @BeforeAll
    static void connect() {
        try {
            redis = new JedisPooled(REDIS);
            redis.ping();
        } catch (RuntimeException unreachable) {
            assumeTrue(false, "no Redis at " + REDIS + ": " + unreachable.getMessage());
        }
    }

    @AfterAll
    static void disconnect() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void twoNodesShareOneAllowance() {
        RateLimiter a = new RateLimiter(Clock.systemUTC(), new RedisBuckets(redis));
        RateLimiter b = new RateLimiter(Clock.systemUTC(), new RedisBuckets(redis));
        RateLimiter.Limit three = new RateLimiter.Limit("redis-" + UUID.randomUUID(), 3, Duration.ofHours(1));
        a.consume(three, "k");
        b.consume(three, "k");
        assertThat(a.hasRoom(three, "k")).isTrue();
        a.consume(three, "k");
        assertThat(b.hasRoom(three, "k")).isFalse();
        assertThat(b.tryConsume(three, "k")).isFalse();
        assertThatThrownBy(() -> a.consume(three, "k"))
                .isInstanceOfSatisfying(TooManyRequests.class, e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 1200L));
        assertThat(a.hasRoom(three, "other")).isTrue();
    }

    @Test
    void tokensComeBackWithTime() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        RateLimiter limiter = new RateLimiter(clock, new RedisBuckets(redis));
        RateLimiter.Limit twoAnHour = new RateLimiter.Limit("redis-" + UUID.randomUUID(), 2, Duration.ofHours(1));
        limiter.consume(twoAnHour, "k");
        limiter.consume(twoAnHour, "k");
        assertThat(limiter.tryConsume(twoAnHour, "k")).isFalse();
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(limiter.tryConsume(twoAnHour, "k")).isTrue();
        assertThat(limiter.tryConsume(twoAnHour, "k")).isFalse();
    }

    @Test
    void idleBucketsExpireInRedis() {
        RateLimiter limiter = new RateLimiter(Clock.systemUTC(), new RedisBuckets(redis));
        RateLimiter.Limit limit = new RateLimiter.Limit("redis-" + UUID.randomUUID(), 5, Duration.ofMinutes(10));
        limiter.consume(limit, "k");
        long ttl = redis.pttl(RedisBuckets.PREFIX + limit.name() + "|k");
        assertThat(ttl).isBetween(1L, Duration.ofMinutes(10).toMillis());
    }
}
