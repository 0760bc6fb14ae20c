package org.tribune.safety;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/**
 * Whom each person must not see, on this node: the people they blocked or who blocked them, and their mutes with
 * when each ends (a mute runs out by the clock, so the answer is worked out at each read, not when it was loaded).
 * Every feed asks this; {@link Blocks} and {@link Mutes} evict it on each write, on every node.
 */
@Component
class Shields {
    /**
     * What one person is shielded from: blocks either way, and muted people with the end of each mute (null: for good).
     * Who is hidden is worked out once and kept until the first mute ends (every feed page asks).
     */
    static final class Shield {
        private final Set<Long> blockedEitherWay;
        private final Map<Long, Instant> mutedUntil;
        private volatile Hidden kept;

        Shield(Set<Long> blockedEitherWay, Map<Long, Instant> mutedUntil) {
            this.blockedEitherWay = blockedEitherWay;
            this.mutedUntil = mutedUntil;
        }

        Set<Long> blockedEitherWay() {
            return blockedEitherWay;
        }

        Map<Long, Instant> mutedUntil() {
            return mutedUntil;
        }

        Set<Long> hiddenAt(Instant now) {
            if (mutedUntil.isEmpty()) {
                return blockedEitherWay;
            }
            Hidden known = kept;
            if (known != null && !now.isBefore(known.from()) && now.isBefore(known.until())) {
                return known.ids();
            }
            Set<Long> hidden = new HashSet<>(blockedEitherWay);
            Instant until = Instant.MAX;
            for (Map.Entry<Long, Instant> mute : mutedUntil.entrySet()) {
                Instant end = mute.getValue();
                if (end == null || end.isAfter(now)) {
                    hidden.add(mute.getKey());
                    if (end != null && end.isBefore(until)) {
                        until = end;
                    }
                }
            }
            Hidden worked = new Hidden(Set.copyOf(hidden), now, until);
            kept = worked; // a race only works the same answer out twice
            return worked.ids();
        }
    }

    /** Who is hidden from {@code from} until {@code until}, when the next mute ends. */
    record Hidden(Set<Long> ids, Instant from, Instant until) {
    }

    private final NodeCache<Shield> byViewer;

    Shields(NodeCaches caches) {
        this.byViewer = caches.create("shields", 16, s -> 64 + 24 * s.blockedEitherWay().size() + 56 * s.mutedUntil().size());
    }

    Shield of(long viewerId, LongFunction<Shield> load) {
        return byViewer.get(viewerId, load);
    }

    void forget(long... people) {
        byViewer.evict(people);
    }

    void forgetAll() {
        byViewer.evictAll();
    }
}
