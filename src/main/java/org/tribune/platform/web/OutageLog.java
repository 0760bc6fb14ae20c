package org.tribune.platform.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts the requests answered 503 because a store was away, and says so in the log once per outage rather than
 * once per request: while PostgreSQL restarts under load, thousands of stack traces would only hide the one line an
 * operator needs.
 */
@Component
class OutageLog {
    private static final Logger log = LoggerFactory.getLogger(OutageLog.class);
    /** Refusals closer together than this belong to the same outage. */
    private static final long QUIET_NANOS = Duration.ofSeconds(30).toNanos();

    /** Set on a request answered 503 for an outage: its error page asks the database nothing (no unread count). */
    static final String DURING_OUTAGE = OutageLog.class.getName() + ".outage";

    private final Counter refused;
    private final long retryAfterSeconds;
    private final AtomicLong lastRefusal = new AtomicLong(System.nanoTime() - QUIET_NANOS - 1);

    OutageLog(MeterRegistry meters, @Value("${tribune.outage.retry-after:PT5S}") Duration retryAfter) {
        this.refused = Counter.builder("tribune.outage.refused")
                .description("Requests answered 503 because the database, Redis or the disk was unavailable")
                .register(meters);
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    void refused(HttpServletRequest request, Throwable failure) {
        request.setAttribute(DURING_OUTAGE, Boolean.TRUE);
        refused.increment();
        long now = System.nanoTime();
        long last = lastRefusal.getAndSet(now);
        if (now - last > QUIET_NANOS) {
            log.warn("answering 503: a store is unavailable ({} on {} {}); further refusals of this outage are counted"
                    + " in tribune_outage_refused_total", rootMessage(failure), request.getMethod(), request.getRequestURI());
        } else {
            log.debug("503 on {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(failure));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
