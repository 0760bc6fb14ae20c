package org.tribune.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets per (limit, key), e.g. sign-ups per client address. On H2 (one node) they are held in this node's
 * memory, and idle buckets are dropped so memory stays bounded by the number of recently active keys. On PostgreSQL
 * other nodes may share the database, so the buckets live there ({@link SharedBuckets}), or in Redis when
 * {@code tribune.redis.url} is set ({@link RedisBuckets}), and every node counts against the same allowance. When
 * Redis cannot be reached, each node counts in its own memory (a limit per node, not none) and asks Redis again
 * every {@link #RETRY_SHARED_AFTER}; a database that cannot be reached fails the request like any other query.
 */
@Component
public class RateLimiter {

    /** A named allowance: {@code capacity} actions per {@code period}, refilled gradually. */
    public record Limit(String name, long capacity, Duration period) {
    }

    private record Entry(Bucket bucket, Duration period, long touchedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    /** After the shared store failed, how long this node counts in memory before asking the store again. */
    public static final Duration RETRY_SHARED_AFTER = Duration.ofSeconds(5);

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Buckets shared;
    /** Until when the shared store is left alone after failing; null while it answers. */
    private volatile Instant sharedAwayUntil;

    /** Buckets in this node's memory only. */
    public RateLimiter(Clock clock) {
        this.clock = clock;
        this.shared = null;
    }

    @Autowired
    RateLimiter(Clock clock, Database database, JdbcClient db, RedisStore redis) {
        this(clock, redis.isConfigured() ? new RedisBuckets(redis.pool()) : database.isPostgres() ? new SharedBuckets(db) : null);
    }

    /** Buckets in a shared store, or in memory when {@code shared} is null. */
    RateLimiter(Clock clock, Buckets shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /** Whether the buckets are shared by all nodes through the database. */
    public boolean isShared() {
        return shared != null;
    }

    /**
     * Takes one token or throws {@link TooManyRequests} saying when to retry. Over the API, the answer then tells
     * the client where it stands against this limit ({@link RateLimitHeaders}).
     */
    public void consume(Limit limit, String key) {
        Buckets.Outcome outcome = sharedTake(limit, key);
        if (outcome != null) {
            RateLimitHeaders.publish(limit, outcome.tokens(), Buckets.untilFull(outcome.tokens(), limit));
            if (!outcome.granted()) {
                throw new TooManyRequests(Buckets.untilNextToken(outcome.tokens(), limit));
            }
            return;
        }
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        RateLimitHeaders.publish(limit, probe.getRemainingTokens(), Duration.ofNanos(probe.getNanosToWaitForReset()));
        if (!probe.isConsumed()) {
            throw new TooManyRequests(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Whether a token is left, without taking it. */
    public boolean hasRoom(Limit limit, String key) {
        if (sharedAnswers()) {
            try {
                boolean room = shared.hasRoom(limit.name() + '|' + key, limit, clock.instant());
                sharedBack();
                return room;
            } catch (Buckets.Unreachable e) {
                sharedFailed(e);
            }
        }
        Entry entry = buckets.get(limit.name() + '|' + key);
        return entry == null || entry.bucket().getAvailableTokens() > 0;
    }

    /** Takes a token if one is left; never throws. For counting failures. */
    public boolean tryConsume(Limit limit, String key) {
        Buckets.Outcome outcome = sharedTake(limit, key);
        return outcome != null ? outcome.granted() : bucket(limit, key).tryConsume(1);
    }

    /** The shared store's answer, or null when there is none or it cannot be reached (then memory counts). */
    private Buckets.Outcome sharedTake(Limit limit, String key) {
        if (!sharedAnswers()) {
            return null;
        }
        try {
            Buckets.Outcome outcome = shared.take(limit.name() + '|' + key, limit, clock.instant());
            sharedBack();
            return outcome;
        } catch (Buckets.Unreachable e) {
            sharedFailed(e);
            return null;
        }
    }

    private boolean sharedAnswers() {
        Instant away = sharedAwayUntil;
        return shared != null && (away == null || clock.instant().isAfter(away));
    }

    private void sharedFailed(Buckets.Unreachable e) {
        boolean first = sharedAwayUntil == null;
        sharedAwayUntil = clock.instant().plus(RETRY_SHARED_AFTER);
        if (first) {
            log.warn("rate limits cannot reach their shared store ({}); counting in this node's memory until it is back",
                    e.getMessage());
        }
    }

    /** The shared store answered again: forget the outage. */
    private void sharedBack() {
        if (sharedAwayUntil != null) {
            sharedAwayUntil = null;
            log.info("rate limits use their shared store again");
        }
    }

    private Bucket bucket(Limit limit, String key) {
        String id = limit.name() + '|' + key;
        long now = clock.millis();
        Entry entry = buckets.compute(id, (k, old) -> old == null
                ? new Entry(Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                        .build(), limit.period(), now)
                : new Entry(old.bucket(), old.period(), now));
        return entry.bucket();
    }

    @Scheduled(fixedDelay = 600_000)
    void dropIdleBuckets() {
        if (shared != null) {
            shared.forgetExpired(clock.instant());
        }
        long now = clock.millis();
        buckets.values().removeIf(e -> now - e.touchedAt() > e.period().toMillis());
    }

    int size() {
        return buckets.size();
    }
}
