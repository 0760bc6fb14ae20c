package org.tribune.platform.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.Counter;

/**
 * One per-node cache of values by id, kept coherent on every node: {@link #evict} drops a value here at once, again
 * after the surrounding transaction commits, and on every other node through the {@link Broadcast}. While this node
 * may have missed evictions (the bus is down, or back but not yet resynchronised) every read goes to the database
 * and nothing is kept ({@link Broadcast#trusted}).
 *
 * <p>A value read from the database while the same id was evicted (or across a loss of trust) is returned but not kept,
 * so a slow reader never puts back what a writer has just changed; one read inside a transaction that may write is
 * kept only after that transaction commits, if nothing evicted it meanwhile. Values are bounded by weight (about their bytes).
 */
public final class NodeCache<V> {
    private static final int STRIPES = 1024;

    private final String name;
    private final Cache<Long, V> cache;
    private final Broadcast broadcast;
    private final boolean enabled;
    private final Counter bypassed;
    private final Unkept unkept;
    /** Evictions per stripe of ids: a load that saw a change of its stripe's count does not keep what it read. */
    private final AtomicLongArray evictions = new AtomicLongArray(STRIPES);

    NodeCache(String name, Cache<Long, V> cache, Broadcast broadcast, boolean enabled, Counter bypassed, Unkept unkept) {
        this.name = name;
        this.unkept = unkept;
        this.cache = cache;
        this.broadcast = broadcast;
        this.enabled = enabled;
        this.bypassed = bypassed;
        broadcast.subscribe(topic(), this::heard);
        broadcast.onResync(this::clear);
    }

    public String name() {
        return name;
    }

    /** The value of {@code id}, read with {@code load} when not held (or not trusted). Null values are not kept. */
    public V get(long id, LongFunction<V> load) {
        if (!usable()) {
            return load.apply(id);
        }
        V held = cache.getIfPresent(id);
        if (held != null) {
            return held;
        }
        long epoch = broadcast.epoch();
        long seen = evictions.get(stripe(id));
        V value = load.apply(id);
        if (value != null) {
            keep(id, value, epoch, seen);
        }
        return value;
    }

    /**
     * The values of these ids, reading those not held with {@code load} in one go (ids it leaves out have no value and
     * are not kept).
     */
    public Map<Long, V> getAll(Collection<Long> ids, Function<Set<Long>, Map<Long, V>> load) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (!usable()) {
            return load.apply(Set.copyOf(ids));
        }
        // One map for what is held, filled id by id: the cache's own bulk read made two more maps (and a set of the
        // ids) for every list of posts, authors and groups a feed looks up, a tenth of what a feed allocated.
        Map<Long, V> found = java.util.HashMap.newHashMap(ids.size());
        Set<Long> missing = null;
        for (Long id : ids) {
            if (found.containsKey(id) || missing != null && missing.contains(id)) {
                continue;
            }
            V value = cache.getIfPresent(id);
            if (value != null) {
                found.put(id, value);
            } else {
                if (missing == null) {
                    missing = new java.util.HashSet<>();
                }
                missing.add(id);
            }
        }
        if (missing == null) {
            return found;
        }
        long epoch = broadcast.epoch();
        Map<Long, Long> seen = new java.util.HashMap<>();
        missing.forEach(id -> seen.put(id, evictions.get(stripe(id))));
        Map<Long, V> loaded = load.apply(missing);
        Map<Long, V> keepable = new java.util.HashMap<>();
        loaded.forEach((id, value) -> {
            if (value != null && seen.containsKey(id)) {
                keepable.put(id, value);
            }
        });
        if (!keepable.isEmpty()) {
            keep(keepable, epoch, seen::get);
        }
        found.putAll(loaded);
        return found;
    }

    /**
     * Whether this cache answers now (on, and trusted): for callers whose cached path costs more than the database's
     * when nothing is kept, so that they take the database's path instead while the bus is down.
     */
    public boolean answers() {
        return enabled && broadcast.trusted();
    }

    /** The value held here, if any and trusted: for callers that read something cheaper when it is not held. */
    public V peek(long id) {
        return usable() ? cache.getIfPresent(id) : null;
    }

    /**
     * Drops these ids' values on every node: here at once and again after commit, elsewhere after commit. Call it
     * after the write: outside a transaction, a reader between an eviction and the write would keep the old value.
     */
    public void evict(long... ids) {
        List<Long> list = new ArrayList<>(ids.length);
        for (long id : ids) {
            list.add(id);
        }
        evict(list);
    }

    public void evict(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        drop(ids);
        afterCommit(() -> {
            drop(ids);
            publish(ids);
        });
    }

    /** Drops every value on every node (a change whose reach is not worth working out). */
    public void evictAll() {
        clear();
        afterCommit(() -> {
            clear();
            broadcast.publish(topic(), "*");
        });
    }

    /** Drops everything held on this node only: after the bus was cut, and in tests. */
    public void clear() {
        for (int i = 0; i < STRIPES; i++) {
            evictions.incrementAndGet(i);
        }
        cache.invalidateAll();
    }

    /** Values held on this node. */
    public long size() {
        return cache.estimatedSize();
    }

    private boolean usable() {
        if (!enabled) {
            return false;
        }
        if (!broadcast.trusted()) {
            bypassed.increment();
            return false;
        }
        return true;
    }

    /**
     * Keeps a value just read unless something may have changed it meanwhile (counted by reason when not). Read
     * inside a transaction that may write, it is kept only once that transaction has committed, and only if nothing
     * evicted its id meanwhile: it may hold that transaction's own uncommitted change, which a rollback undoes (then
     * it is never kept), and which the transaction's own eviction, run before this, marks as changed. (A rollback to
     * a savepoint would undo a change and still commit: nothing here uses savepoints; anything that does must not
     * read through these caches inside them.)
     */
    private void keep(long id, V value, long epoch, long seen) {
        keep(Map.of(id, value), epoch, sameId -> seen);
    }

    private void keep(Map<Long, V> values, long epoch, java.util.function.ToLongFunction<Long> seen) {
        if (writing()) {
            if (!readCommitted() || !TransactionSynchronizationManager.isSynchronizationActive()) {
                values.forEach((id, value) -> unkept.count(Unkept.Reason.WRITING));
                return;
            }
            // Registered now, so that it runs after the evictions this transaction registered before its read.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    values.forEach((id, value) -> keepNow(id, value, epoch, seen.applyAsLong(id)));
                }
            });
            return;
        }
        values.forEach((id, value) -> keepNow(id, value, epoch, seen.applyAsLong(id)));
    }

    private void keepNow(long id, V value, long epoch, long seen) {
        Unkept.Reason refused = refusal(epoch, seen, id);
        if (refused == null) {
            cache.asMap().putIfAbsent(id, value);
            refused = refusal(epoch, seen, id);
            if (refused != null) {
                cache.invalidate(id);
            }
        }
        if (refused != null) {
            unkept.count(refused);
        }
    }

    private Unkept.Reason refusal(long epoch, long seen, long id) {
        if (broadcast.epoch() != epoch || !broadcast.trusted()) {
            return Unkept.Reason.UNTRUSTED;
        }
        return evictions.get(stripe(id)) == seen ? null : Unkept.Reason.CHANGED;
    }

    /**
     * Inside a transaction that may write, what is read may not be committed yet (or ever): it is returned, and kept
     * only after the commit.
     */
    private static boolean writing() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /**
     * Whether each statement of the transaction reads what is committed when it runs (the default of PostgreSQL and
     * H2). A stricter level reads a snapshot of the transaction's start, which a change committed (and evicted)
     * before the read may already have left behind: such reads are never kept.
     */
    private static boolean readCommitted() {
        Integer level = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        return level == null || level == java.sql.Connection.TRANSACTION_READ_COMMITTED;
    }

    private void drop(Collection<Long> ids) {
        for (Long id : ids) {
            evictions.incrementAndGet(stripe(id));
        }
        cache.invalidateAll(ids);
    }

    private void publish(Collection<Long> ids) {
        StringBuilder payload = new StringBuilder();
        for (Long id : ids) {
            if (payload.length() > Broadcast.MAX_PAYLOAD - 24) {
                broadcast.publish(topic(), payload.toString());
                payload.setLength(0);
            }
            if (!payload.isEmpty()) {
                payload.append(',');
            }
            payload.append(id);
        }
        broadcast.publish(topic(), payload.toString());
    }

    private void heard(String payload) {
        if (payload.equals("*")) {
            clear();
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (String id : payload.split(",")) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException ignored) {
                clear(); // not ours to understand: safest is to forget everything
                return;
            }
        }
        drop(ids);
    }

    private String topic() {
        return "cache." + name;
    }

    private static int stripe(long id) {
        return (int) ((id ^ (id >>> 32)) * 0x9E3779B9L >>> 22) & (STRIPES - 1);
    }

    /** Runs after the surrounding transaction commits (at once when there is none); nothing when it rolls back. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
