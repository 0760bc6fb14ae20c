package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final RateLimiter.Limit THREE_AN_HOUR = new RateLimiter.Limit("test", 3, Duration.ofHours(1));

    @Test
    void theFourthActionInAnHourIsRefusedWithATimeToWait() {
        RateLimiter limiter = new RateLimiter(Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            limiter.consume(THREE_AN_HOUR, "198.51.100.7");
        }
        assertThatThrownBy(() -> limiter.consume(THREE_AN_HOUR, "198.51.100.7"))
                .isInstanceOfSatisfying(TooManyRequests.class, e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 1200L));
    }

    @Test
    void eachKeyHasItsOwnAllowance() {
        RateLimiter limiter = new RateLimiter(Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            limiter.consume(THREE_AN_HOUR, "198.51.100.7");
        }
        limiter.consume(THREE_AN_HOUR, "198.51.100.8");
        assertThat(limiter.hasRoom(THREE_AN_HOUR, "198.51.100.7")).isFalse();
        assertThat(limiter.hasRoom(THREE_AN_HOUR, "198.51.100.8")).isTrue();
    }

    @Test
    void idleBucketsAreForgotten() {
        RateLimiter limiter = new RateLimiter(Clock.offset(Clock.systemUTC(), Duration.ZERO));
        limiter.consume(new RateLimiter.Limit("short", 1, Duration.ofMillis(1)), "a");
        assertThat(limiter.size()).isEqualTo(1);
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        limiter.dropIdleBuckets();
        assertThat(limiter.size()).isZero();
    }
}
