package org.tribune.platform.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warms this node's caches after start-up, in one background thread, so that the first minute's pages do not all miss
 * at once (the cold-start target of docs/benchmarks.md). {@code tribune.cache.warm=false} turns it off;
 * {@code tribune.cache.warm-seconds} (30) bounds it. A warmer that fails (the database away) is logged and skipped:
 * the caches then fill as pages ask, as they would without warming.
 */
@Component
class CacheWarming {
    private static final Logger log = LoggerFactory.getLogger(CacheWarming.class);

    private final List<CacheWarmer> warmers;
    private final boolean enabled;
    private final Duration budget;
    private volatile boolean done;

    CacheWarming(List<CacheWarmer> warmers, Environment environment, MeterRegistry meters) {
        this.warmers = warmers;
        this.enabled = environment.getProperty("tribune.cache.warm", Boolean.class, true)
                && environment.getProperty("tribune.cache.enabled", Boolean.class, true);
        this.budget = Duration.ofSeconds(environment.getProperty("tribune.cache.warm-seconds", Long.class, 30L));
        // 1 once warming has finished (or was off): benchmarks of a steady state start after it, as after the index.
        Gauge.builder("tribune.cache.warming.done", this, w -> w.done ? 1 : 0)
                .description("Whether this node has finished warming its caches after start-up").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled || warmers.isEmpty()) {
            done = true;
            return;
        }
        Thread thread = new Thread(this::warmAll, "cache-warming");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void warmAll() {
        long start = System.nanoTime();
        Instant stopBy = Instant.now().plus(budget);
        int values = 0;
        for (CacheWarmer warmer : warmers) {
            try {
                values += warmer.warm(stopBy);
            } catch (RuntimeException e) {
                log.warn("cache warming: {} stopped: {}", warmer.getClass().getSimpleName(), e.toString());
            }
        }
        done = true;
        log.info("cache warming: {} values read in {} ms", values, (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether warming has finished (or was never to run): for tests and the health of a start-up. */
    boolean done() {
        return done;
    }
}
