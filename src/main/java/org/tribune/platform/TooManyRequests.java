package org.tribune.platform;

import java.time.Duration;

/** A rate limit was reached; the client may try again after {@code retryAfter}. */
public class TooManyRequests extends RuntimeException {
    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
        super("rate limit reached, retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
