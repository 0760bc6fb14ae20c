package org.tribune.platform;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells an API client where it stands against the limit a request counted against, so it can slow down before a
 * 429: {@code RateLimit-Limit} (the bucket's capacity), {@code RateLimit-Remaining} (whole actions left now),
 * {@code RateLimit-Reset} (seconds until the bucket is full again; it refills gradually, one action every
 * period/capacity) and {@code RateLimit-Policy} ({@code <capacity>;w=<period in seconds>}). When one request counts
 * against several limits, the one with the fewest actions left is shown. Only answers under {@code /api/} carry them.
 */
final class RateLimitHeaders {
    private static final String SHOWN = RateLimitHeaders.class.getName() + ".remaining";

    private RateLimitHeaders() {
    }

    /** Publishes the state of {@code limit}'s bucket after this request, when a request of the API is being answered. */
    static void publish(RateLimiter.Limit limit, double tokensLeft, Duration untilFull) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet) || servlet.getResponse() == null) {
            return;
        }
        HttpServletRequest request = servlet.getRequest();
        HttpServletResponse response = servlet.getResponse();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || response.isCommitted()) {
            return;
        }
        long remaining = Math.max(0, (long) Math.floor(tokensLeft + 1e-9));
        if (request.getAttribute(SHOWN) instanceof Long shown && shown <= remaining) {
            return; // a tighter limit of this request is shown already
        }
        request.setAttribute(SHOWN, remaining);
        response.setHeader("RateLimit-Limit", Long.toString(limit.capacity()));
        response.setHeader("RateLimit-Remaining", Long.toString(remaining));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(untilFull)));
        response.setHeader("RateLimit-Policy", limit.capacity() + ";w=" + limit.period().toSeconds());
    }

    private static long seconds(Duration duration) {
        return Math.max(0, (duration.toMillis() + 999) / 1000);
    }
}
