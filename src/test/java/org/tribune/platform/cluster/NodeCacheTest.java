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
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What a node's cache keeps of what it reads: every value read when nothing changed meanwhile, also with many readers
 * at once; nothing read across an eviction of its id or a loss of the bus; what is read inside a transaction that may
 * write only once it commits, and never what it changed; each refusal counted by its reason.
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
    void aListOfIdsReadsOnlyTheOnesNotHeldOnceEachAndCountsEachLookupOnce() {
        cache.getAll(List.of(1L, 2L), this::load);
        reads.set(0);
        Map<Long, String> got = cache.getAll(List.of(2L, 3L, 2L, 1L, 3L), this::load);
        assertThat(got).containsOnly(Map.entry(1L, "value 1"), Map.entry(2L, "value 2"), Map.entry(3L, "value 3"));
        assertThat(reads.get()).as("only 3 was read, once").isEqualTo(1);
        assertThat(cache.getAll(List.of(3L, 3L), this::load)).containsOnly(Map.entry(3L, "value 3"));
        assertThat(reads.get()).as("kept").isEqualTo(1);
        assertThat(cache.getAll(List.of(), this::load)).isEmpty();
        double hits = meters.get("cache.gets").tag("cache", "things").tag("result", "hit").functionCounter().count();
        double misses = meters.get("cache.gets").tag("cache", "things").tag("result", "miss").functionCounter().count();
        assertThat(hits).as("1 and 2, then 3: each id looked up once per read").isEqualTo(3);
        assertThat(misses).as("1 and 2, then 3").isEqualTo(3);
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

    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:node-cache-test;DB_CLOSE_DELAY=-1")));

    @Test
    void aValueReadInsideATransactionThatMayWriteIsKeptOnlyOnceItCommits() {
        transactions.executeWithoutResult(status -> {
            assertThat(cache.get(1, id -> "read while writing")).isEqualTo("read while writing");
            cache.getAll(List.of(2L, 3L), this::load);
            assertThat(cache.peek(1)).as("not before the commit").isNull();
            assertThat(cache.peek(2)).isNull();
        });
        assertThat(cache.peek(1)).isEqualTo("read while writing");
        assertThat(cache.peek(2)).isEqualTo("value 2");
        assertThat(cache.peek(3)).isEqualTo("value 3");
    }

    @Test
    void aValueReadInsideATransactionThatRollsBackIsNeverKept() {
        transactions.executeWithoutResult(status -> {
            cache.get(1, id -> "an uncommitted change");
            cache.getAll(List.of(2L), this::load);
            status.setRollbackOnly();
        });
        assertThat(cache.peek(1)).isNull();
        assertThat(cache.peek(2)).isNull();
    }

    @Test
    void aValueTheTransactionEvictsBeforeOrAfterReadingItIsNotKept() {
        transactions.executeWithoutResult(status -> {
            cache.evict(1); // the transaction's write, then its read of what it wrote
            cache.get(1, id -> "written then read");
            cache.get(2, id -> "read then written");
            cache.evict(2);
        });
        assertThat(cache.peek(1)).isNull();
        assertThat(cache.peek(2)).isNull();
        assertThat(unkept("changed")).isEqualTo(2);
    }

    @Test
    void aValueAnotherWriterChangesWhileTheTransactionRunsIsNotKept() {
        transactions.executeWithoutResult(status -> {
            cache.get(1, id -> "before another writer's change");
            Thread writer = Thread.ofPlatform().start(() -> cache.evict(1)); // its own change, committed
            try {
                writer.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(cache.peek(1)).isNull();
        assertThat(unkept("changed")).isEqualTo(1);
    }

    @Test
    void aValueReadInsideAStricterTransactionIsNeverKept() {
        TransactionTemplate serializable = new TransactionTemplate(transactions.getTransactionManager());
        serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        serializable.executeWithoutResult(status -> cache.get(1, id -> "from a snapshot of the transaction's start"));
        assertThat(cache.peek(1)).isNull();
        assertThat(unkept("writing")).isEqualTo(1);
    }

    @Test
    void aValueReadInsideAReadOnlyTransactionIsKeptAtOnce() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            cache.get(1, id -> "in a read-only one");
            assertThat(cache.peek(1)).isEqualTo("in a read-only one");
        });
    }
}
