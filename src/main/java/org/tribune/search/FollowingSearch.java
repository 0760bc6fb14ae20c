package org.tribune.search;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of a node on PostgreSQL: its own Lucene index, sorted newest first, kept in step with
 * {@code search_document} by following the log of changes ({@link SearchChanges}). PostgreSQL's full-text search
 * answers until the index is built and has caught up, so a node that starts with no index (or one too old for the
 * log) searches at once, only more slowly. What this node writes is in its index as soon as it commits; what other
 * nodes write, within {@code tribune.search.follow-every} of their commit, whatever else runs on the server.
 */
class FollowingSearch implements SearchEngine, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FollowingSearch.class);
    private static final int PAGE = 1000;

    private final PostgresSearch postgres;
    private final LuceneSearch lucene;
    private final SearchChanges changes;
    private final SearchDocuments documents;
    private final Clock clock;
    private final Duration keptFor;
    private final int builders;
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("search-follower").daemon().factory());
    private volatile boolean ready;
    /**
     * Searches share it, a rebuild takes it alone to stop answering from the index and empty it: a search that found
     * the index ready then runs before it is emptied, never on an index emptied under it.
     */
    private final java.util.concurrent.locks.ReadWriteLock answering = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile boolean failing;
    private volatile boolean built;
    private final java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();

    FollowingSearch(PostgresSearch postgres, LuceneSearch lucene, SearchChanges changes, SearchDocuments documents,
            Clock clock, Duration every, Duration keptFor, int builders) {
        this.postgres = postgres;
        this.lucene = lucene;
        this.changes = changes;
        this.documents = documents;
        this.clock = clock;
        this.keptFor = keptFor;
        this.builders = builders;
        follower.execute(this::catchUp);
        follower.scheduleWithFixedDelay(this::follow, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        follower.scheduleWithFixedDelay(this::forget, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public String name() {
        return ready ? "Lucene (this node's index, following PostgreSQL)" : "PostgreSQL full-text search (this node's index is being built)";
    }

    /** Whether the index was built from the table at start (none could be used: missing, or older than the log). */
    boolean builtAtStart() {
        return built;
    }

    /** How many times the index was built from the table since start. */
    int builds() {
        return builds.get();
    }

    /** Whether this node's own index answers (built, and caught up with the log once). */
    boolean ready() {
        return ready;
    }

    @Override
    public List<Hit> find(Criteria criteria, Cursor after, int limit) {
        answering.readLock().lock();
        try {
            if (ready) {
                return lucene.find(criteria, after, limit);
            }
        } finally {
            answering.readLock().unlock();
        }
        return postgres.find(criteria, after, limit);
    }

    @Override
    public void written(Collection<SearchDocument> written) {
        lucene.written(written);
    }

    @Override
    public void removed(Collection<SearchDocument.Key> keys) {
        lucene.removed(keys);
    }

    /** Builds the index if it has no position in the log, then applies the log up to now, then answers. */
    private synchronized void catchUp() {
        try {
            if (lucene.position() == null) {
                // Taken before the table is read: whatever is committed after it is in the log from there on.
                SearchChanges.Snapshot from = changes.now();
                built |= builds.get() == 0;
                lucene.build(documents, builders);
                builds.incrementAndGet();
                lucene.position(from.text());
                lucene.commit();
            }
            apply();
            ready = true;
            log.info("This node's search index is ready (position {})", lucene.position());
        } catch (RuntimeException e) {
            failing = true;
            log.warn("This node's search index could not be built; PostgreSQL answers searches: {}", e.getMessage(), e);
        }
    }

    synchronized void follow() {
        if (!ready) {
            return;
        }
        try {
            if (!changes.keptSince(SearchChanges.Snapshot.parse(lucene.position()))) {
                // Behind what the log still holds (the node could not read it for longer than it is kept): some
                // changes are lost to it, so it builds its index again; PostgreSQL answers meanwhile.
                log.warn("This node's search index is older than the log of changes: building it again");
                answering.writeLock().lock();
                try {
                    ready = false;
                    lucene.clear();
                } finally {
                    answering.writeLock().unlock();
                }
                catchUp();
                return;
            }
            apply();
            if (failing) {
                failing = false;
                log.info("This node's search index follows the changes again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("This node's search index could not read the changes (trying again): {}", e.getMessage());
            }
        }
    }

    /** Applies every change of the transactions ended since the position: each document as the table now holds it. */
    private void apply() {
        SearchChanges.Snapshot since = SearchChanges.Snapshot.parse(lucene.position());
        SearchChanges.Snapshot now = changes.now();
        if (now.equals(since)) {
            return;
        }
        SearchChanges.Page page = changes.endedBetween(since, now, -1, -1, PAGE);
        while (true) {
            Set<SearchDocument.Key> keys = new LinkedHashSet<>();
            page.changes().forEach(c -> keys.add(c.key()));
            Map<SearchDocument.Key, SearchDocument> held = documents.byKeys(keys);
            List<SearchDocument.Key> gone = new ArrayList<>();
            for (SearchDocument.Key key : keys) {
                if (!held.containsKey(key)) {
                    gone.add(key);
                }
            }
            if (!held.isEmpty()) {
                lucene.written(held.values());
            }
            if (!gone.isEmpty()) {
                lucene.removed(gone);
            }
            if (page.last()) {
                break;
            }
            page = changes.endedBetween(since, now, page.afterTx(), page.afterSeq(), PAGE);
        }
        lucene.position(now.text());
    }

    /** Forgets the oldest changes (any node may; each does it once an hour). */
    private void forget() {
        try {
            changes.forget(clock.instant().minus(keptFor));
        } catch (RuntimeException e) {
            log.warn("Could not forget old search changes: {}", e.getMessage());
        }
    }

    void commit() {
        lucene.commit();
    }

    @Override
    public void close() {
        follower.shutdownNow();
        try {
            follower.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lucene.close();
    }
}
