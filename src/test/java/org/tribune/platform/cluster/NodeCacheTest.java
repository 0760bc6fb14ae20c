package org.tribune.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What a node's cache keeps of what it reads: every value read when nothing changed meanwhile, also with many readers
 * at once; nothing read across an eviction of its id, a loss of the bus, or inside a transaction that may write; each
 * refusal counted by its reason.
 */
class NodeCacheTest {
    private final TwoNodeBus bus = new TwoNodeBus();
    private final TwoNodeBus.Node node = bus.node();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NodeCaches caches = new NodeCaches(new Broadcast(node, Runnable::run), meters, new StandardEnvironment());
    private final NodeCache<String> cache = caches.create("things", 8, String::length);
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
    }

    private Map<Long, String> load(Set<Long> ids) {
        reads.addAndGet(ids.size());
        Map<Long, String> found = new HashMap<>();
        ids.forEach(id -> found.put(id, "value " + id));
        return found;
    }

    private double unkept(String reason) {
        return meters.get("tribune.cache.unkept").tag("cache", "things").tag("reason", reason).counter().count();
    }

    @Test
    void manyReadersAtOnceKeepEveryValueTheyRead() throws Exception {
        Set<Long> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> readers = new java.util.ArrayList<>();
            for (int r = 0; r < 16; r++) {
                long seed = r;
                readers.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int page = 0; page < 200; page++) {
                        List<Long> ids = random.longs(20, 1, 5_001).boxed().toList();
                        asked.addAll(ids);
                        Map<Long, String> got = cache.getAll(ids, this::load);
                        assertThat(got).containsOnlyKeys(ids);
                    }
                }));
            }
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(unkept("writing") + unkept("untrusted") + unkept("changed")).isZero();
        assertThat(held()).isEqualTo(asked);
        // read again only by readers that missed it at the same moment: nearly once each
        assertThat(reads.get()).isLessThan((int) (asked.size() * 1.2));
    }

    private Set<Long> held() {
        Set<Long> held = new java.util.HashSet<>();
        for (long id = 1; id <= 5_000; id++) {
            if (cache.peek(id) != null) {
                held.add(id);
            }
        }
        return held;
    }

    @Test
    void aValueReadWhileItsIdIsEvictedIsReturnedButNotKept() {
        String got = cache.get(7, id -> {
            cache.evict(7);
            return "old";
        });
        assertThat(got).isEqualTo("old");
        assertThat(cache.peek(7)).isNull();
        assertThat(unkept("changed")).isEqualTo(1);
        assertThat(cache.get(7, id -> "new")).isEqualTo("new");
        assertThat(cache.peek(7)).isEqualTo("new");
    }

    @Test
    void aValueReadAcrossALossOfTheBusIsNotKept() {
        Map<Long, String> got = cache.getAll(List.of(1L, 2L), ids -> {
            node.cut();
            node.back();
            return load(ids);
        });
        assertThat(got).hasSize(2);
        assertThat(cache.peek(1)).isNull();
        assertThat(unkept("untrusted")).isEqualTo(2);
    }

    @Test
    void aValueReadInsideATransactionThatMayWriteIsNotKeptButOneReadOnlyIs() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        cache.get(1, id -> "in a writing transaction");
        assertThat(cache.peek(1)).isNull();
        assertThat(unkept("writing")).isEqualTo(1);

        TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
        cache.get(1, id -> "in a read-only one");
        assertThat(cache.peek(1)).isEqualTo("in a read-only one");
    }
}
