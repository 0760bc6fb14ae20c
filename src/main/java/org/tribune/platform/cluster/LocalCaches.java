package org.tribune.platform.cluster;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Where every in-memory cache of a node starts. Caffeine keeps a cache in shape (reads recorded, entries evicted) in
 * batches, and by default hands each batch to the common fork-join pool. A feed reads about a hundred entries, so at
 * a few thousand feeds a second the pool was woken thousands of times a second: on two cores the hand-over, the
 * wake-up and the thread switch cost more than the upkeep itself (some 9% of a group feed's CPU). Here the request
 * that fills a batch does it at once, on its own thread, under the cache's lock that it already holds. No cache of
 * Tribune listens for removals, so nothing slow can run there.
 */
public final class LocalCaches {
    private LocalCaches() {
    }

    /** A Caffeine builder whose upkeep runs on the thread that reads or writes. */
    public static Caffeine<Object, Object> newBuilder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
