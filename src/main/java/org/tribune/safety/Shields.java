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
    /** What one person is shielded from: blocks either way, and muted people with the end of each mute (null: for good). */
    record Shield(Set<Long> blockedEitherWay, Map<Long, Instant> mutedUntil) {
        Set<Long> hiddenAt(Instant now) {
            if (mutedUntil.isEmpty()) {
                return blockedEitherWay;
            }
            Set<Long> hidden = new HashSet<>(blockedEitherWay);
            mutedUntil.forEach((id, until) -> {
                if (until == null || until.isAfter(now)) {
                    hidden.add(id);
                }
            });
            return Set.copyOf(hidden);
        }
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
