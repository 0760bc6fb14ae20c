package org.tribune.search;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.platform.Conflict;

/**
 * Rebuilds the index from the posts, comments, groups and people themselves, in place: each document is written
 * again with a new generation, page by page in short transactions, and those of older generations (things gone
 * meanwhile) are removed at the end. Search keeps answering all along from the documents already there. One rebuild
 * at a time across all nodes (the state row is claimed); one that made no progress for {@link #STALE} (its node died)
 * is taken over. The first
 * start of a database without a complete build (a new one, or one from before this index) rebuilds it by itself.
 */
@Component
public class Reindex {
    private static final Logger log = LoggerFactory.getLogger(Reindex.class);
    static final Duration STALE = Duration.ofMinutes(10);
    private static final int BATCH = 1000;

    private final SearchSources sources;
    private final SearchIndex index;
    private final SearchDocuments documents;
    private final IndexBuilds builds;
    private final SearchEngine engine;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int writers;
    private volatile long failed;

    Reindex(SearchSources sources, SearchIndex index, SearchDocuments documents, IndexBuilds builds, SearchEngine engine,
            TransactionTemplate transactions, Clock clock,
            @Value("${tribune.search.build-writers:0}") int writers) {
        // Most of a page's cost is the database analysing its texts (on PostgreSQL, the trigger's tsvectors and
        // pairs of words): one connection uses one core, so pages are written by as many as there are cores.
        this.writers = writers > 0 ? writers : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.sources = sources;
        this.index = index;
        this.documents = documents;
        this.builds = builds;
        this.engine = engine;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The state of the index, and the progress of a rebuild. */
    public IndexBuild state() {
        return builds.current();
    }

    /** The engine that answers on this node. */
    public String engine() {
        return engine.name();
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildWhenNeverBuilt() {
        if (!builds.current().built()) {
            Thread.ofVirtual().name("search-first-build").start(() -> {
                try {
                    run();
                } catch (Conflict running) {
                    // another node builds it
                } catch (RuntimeException e) {
                    log.warn("The first build of the search index failed: {}", e.getMessage(), e);
                }
            });
        }
    }

    /** Starts a rebuild in the background, or a {@link Conflict} when one is running. */
    public void start() {
        long generation = claim();
        Thread.ofVirtual().name("search-reindex").start(() -> {
            try {
                build(generation);
            } catch (RuntimeException e) {
                failed = generation;
                log.warn("Rebuilding the search index failed: {}", e.getMessage(), e);
            }
        });
    }

    /** Whether the rebuild of this generation, started on this node, failed. */
    boolean failed(long generation) {
        return failed == generation;
    }

    /** Rebuilds now, in this thread (the {@code ./tribune reindex} command): how many documents were written. */
    public long run() {
        return build(claim());
    }

    private long claim() {
        Long generation = transactions.execute(s -> builds.start(clock.instant(), documents.count(), clock.instant().minus(STALE)));
        if (generation == null) {
            throw new Conflict("search.reindex-running");
        }
        return generation;
    }

    private long build(long generation) {
        long started = System.nanoTime();
        AtomicLong done = new AtomicLong();
        // The table's statistics again each time it has grown by half since they were taken (from 10,000 documents)
        AtomicLong analyseAt = new AtomicLong(Math.max(10_000, documents.count() * 3 / 2));
        Runnable progress = () -> {
            builds.progress(generation, done.get(), clock.instant());
            long at = analyseAt.get();
            if (done.get() >= at && analyseAt.compareAndSet(at, done.get() * 3 / 2)) {
                documents.analyze();
            }
        };
        try (PageWriters pages = new PageWriters(writers, progress)) {
            pages.all(sources::postsAfter, sources::ofPosts, p -> p.id(), done);
            pages.all(sources::commentsAfter, sources::ofComments, c -> c.id(), done);
            pages.all(sources::groupsAfter, list -> list.stream().map(SearchSources::ofGroup).toList(), g -> g.id(), done);
            pages.all(sources::peopleAfter, sources::ofPeople, a -> a.id(), done);
        }
        for (List<SearchDocument.Key> stale = documents.before(generation, BATCH); !stale.isEmpty();
                stale = documents.before(generation, BATCH)) {
            List<SearchDocument.Key> page = stale;
            transactions.executeWithoutResult(s -> recheck(page));
        }
        transactions.executeWithoutResult(s -> {
            builds.progress(generation, done.get(), clock.instant());
            builds.finish(generation, clock.instant());
        });
        documents.analyze();
        log.info("Search index rebuilt: {} documents in {} ms ({} writers)", done.get(),
                (System.nanoTime() - started) / 1_000_000, writers);
        return done.get();
    }

    /**
     * Documents the rebuild did not write: things gone since they were indexed are removed; things a transaction that
     * began before the rebuild wrote too late for it to see are written again from their source.
     */
    private void recheck(List<SearchDocument.Key> stale) {
        List<SearchDocument> found = new java.util.ArrayList<>();
        List<SearchDocument.Key> gone = new java.util.ArrayList<>();
        for (SearchDocument.Key key : stale) {
            java.util.Optional<SearchDocument> document = switch (key.kind()) {
                case POST -> sources.post(key.id()).map(sources::ofPost);
                case COMMENT -> sources.comment(key.id()).flatMap(c -> sources.ofComments(List.of(c)).stream().findFirst());
                case GROUP -> sources.group(key.id()).map(SearchSources::ofGroup);
                case PERSON -> sources.person(key.id());
            };
            document.ifPresentOrElse(found::add, () -> gone.add(key));
        }
        index.putAll(found);
        index.remove(gone);
    }

    /**
     * Writes pages of documents, each in a transaction of its own, on a few threads: the pages are read one after
     * another here, and at most two per writer wait, so memory stays bounded. The first failure stops the build.
     */
    private final class PageWriters implements AutoCloseable {
        private final ExecutorService pool;
        private final Semaphore room;
        private final Runnable progress;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        PageWriters(int threads, Runnable progress) {
            this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("search-build-", 1).daemon().factory());
            this.room = new Semaphore(2 * threads);
            this.progress = progress;
        }

        /** Every page of one source. */
        <T> void all(BiFunction<Long, Integer, List<T>> page, Function<List<T>, List<SearchDocument>> toDocuments,
                ToLongFunction<T> id, AtomicLong done) {
            long after = Long.MIN_VALUE;
            while (true) {
                List<T> items = page.apply(after, BATCH);
                if (items.isEmpty()) {
                    return;
                }
                room.acquireUninterruptibly();
                rethrow();
                pool.execute(() -> {
                    try {
                        if (failure.get() == null) {
                            transactions.executeWithoutResult(s -> index.putAll(toDocuments.apply(items)));
                            done.addAndGet(items.size());
                            progress.run();
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        room.release();
                    }
                });
                after = id.applyAsLong(items.getLast());
            }
        }

        /** Waits for every page written so far; rethrows the first failure. */
        @Override
        public void close() {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                    throw new IllegalStateException("pages of the search index still being written after an hour");
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the search index", e);
            }
            rethrow();
        }

        private void rethrow() {
            RuntimeException e = failure.get();
            if (e != null) {
                throw e;
            }
        }
    }
}
