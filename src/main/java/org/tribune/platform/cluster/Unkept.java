package org.tribune.platform.cluster;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Values a cache read from the database and did not keep, by reason ({@code tribune_cache_unkept_total}): a cache
 * whose misses stay high while it is far from full shows here why.
 */
final class Unkept {
    enum Reason {
        /** Read inside a transaction that may write: what it read may roll back. */
        WRITING,
        /** The bus between nodes was lost or regained meanwhile. */
        UNTRUSTED,
        /** An id of the same stripe was evicted meanwhile: the value read may be older than the change. */
        CHANGED
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    Unkept(MeterRegistry meters, String cache) {
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder("tribune.cache.unkept").tag("cache", cache)
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("values read from the database and not kept, by reason").register(meters));
        }
    }

    void count(Reason reason) {
        counters.get(reason).increment();
    }
}
