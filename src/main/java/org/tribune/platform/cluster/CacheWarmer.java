package org.tribune.platform.cluster;

import java.time.Instant;

/**
 * What a feature fills its caches with once a node has started, before most visitors ask: the values the first
 * minute's pages would otherwise all read from the database at once. Run in the background by {@link CacheWarming},
 * one warmer after the other, each told when to stop.
 */
public interface CacheWarmer {
    /** Fills this feature's caches with what is read most, stopping at {@code stopBy}; returns how many values it read. */
    int warm(Instant stopBy);
}
