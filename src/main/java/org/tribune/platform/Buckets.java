package org.tribune.platform;

import java.time.Duration;
import java.time.Instant;

/** Token buckets kept outside this node (PostgreSQL or Redis), so every node counts against the same allowance. */
interface Buckets {
    /** What a bucket held after a request: whether it gave a token, and how many are left. */
    record Outcome(boolean granted, double tokens) {
    }

    /**
     * The store cannot be reached (Redis restarting, the network cut). The limiter then counts in this node's memory
     * until the store answers again, rather than refusing every limited action or letting all of them through.
     */
    final class Unreachable extends RuntimeException {
        Unreachable(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Refills the bucket for the time passed and takes a token if there is one, atomically. */
    Outcome take(String id, RateLimiter.Limit limit, Instant now);

    /** Whether a token is left, without taking one. */
    boolean hasRoom(String id, RateLimiter.Limit limit, Instant now);

    void forgetExpired(Instant now);

    /** Tokens added per second. */
    static double rate(RateLimiter.Limit limit) {
        return limit.capacity() / (limit.period().toNanos() / 1e9);
    }

    static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    /** How long until the next token, when {@code tokens} are left. */
    static Duration untilNextToken(double tokens, RateLimiter.Limit limit) {
        double missing = Math.max(0, 1 - tokens);
        return Duration.ofNanos((long) Math.ceil(missing / rate(limit) * 1e9));
    }

    /** How long until the bucket is full again, when {@code tokens} are left. */
    static Duration untilFull(double tokens, RateLimiter.Limit limit) {
        double missing = Math.max(0, limit.capacity() - tokens);
        return Duration.ofNanos((long) Math.ceil(missing / rate(limit) * 1e9));
    }
}
