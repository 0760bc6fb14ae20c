package org.tribune.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A node's activity counts since its last flush, in memory. Counting is a map update under a shared lock; taking the
 * counts for a flush swaps the maps under the exclusive lock, which is held for no more than that swap. Days are
 * UTC days.
 */
class ActivityBuffer {
    /**
     * Reloading a feed does not read its posts again: a node remembers this many posts per person and day. Past that,
     * reads are counted without remembering them, as memory matters more than the exact count of such a reader.
     */
    static final int READS_REMEMBERED = 1000;

    private final Clock clock;
    private final Duration idleAfter;
    private final java.util.concurrent.locks.ReadWriteLock swap = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final Map<Long, Instant> lastPage = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> readToday = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> enteredToday = new ConcurrentHashMap<>();
    private volatile LocalDate readDay;
    private Pending pending = new Pending();

    ActivityBuffer(Clock clock, Duration idleAfter) {
        this.clock = clock;
        this.idleAfter = idleAfter;
    }

    /** Everything counted between two flushes. */
    record Snapshot(Map<Key, DayCounts> days, Map<Key, LocalDate> likers, Map<Key, LocalDate> replyThreads,
            Map<LocalDate, Integer> published) {
        boolean isEmpty() {
            return days.isEmpty() && likers.isEmpty() && replyThreads.isEmpty() && published.isEmpty();
        }
    }

    /** (account, day) for day counts; (account, other person or post) for likers and reply threads. */
    record Key(long accountId, long other) {
    }

    private static final class Pending {
        final Map<Key, DayCounts> days = new ConcurrentHashMap<>();
        final Map<Key, LocalDate> likers = new ConcurrentHashMap<>();
        final Map<Key, LocalDate> replyThreads = new ConcurrentHashMap<>();
        final Map<LocalDate, Integer> published = new ConcurrentHashMap<>();
    }

    /**
     * A page seen by a signed-in person: the day counts as visited, and the time since their previous page counts as
     * reading unless it was longer than {@code idleAfter} (they were away).
     */
    void pageViewed(long accountId) {
        Instant now = clock.instant();
        Instant previous = lastPage.put(accountId, now);
        int seconds = 0;
        if (previous != null && !now.isBefore(previous)) {
            Duration gap = Duration.between(previous, now);
            seconds = gap.compareTo(idleAfter) <= 0 ? (int) gap.toSeconds() : 0;
        }
        int reading = seconds;
        add(accountId, c -> new DayCounts(c.accountId(), c.day(), true, c.postsEntered(), c.postsRead(),
                c.readingSeconds() + reading, c.likesGiven(), c.likesReceived(), c.replies()));
    }

    /** Posts shown to a reader; a post already counted today on this node is not counted again. */
    void read(long accountId, Iterable<Long> postIds) {
        int fresh = fresh(readToday, accountId, postIds);
        if (fresh > 0) {
            int read = fresh;
            add(accountId, c -> new DayCounts(c.accountId(), c.day(), c.visited(), c.postsEntered(),
                    c.postsRead() + read, c.readingSeconds(), c.likesGiven(), c.likesReceived(), c.replies()));
        }
    }

    /** A post's own page opened: entered, and read. Coming back to it the same day (after a like) is not new. */
    void entered(long accountId, long postId) {
        if (fresh(enteredToday, accountId, List.of(postId)) == 0) {
            return;
        }
        add(accountId, c -> new DayCounts(c.accountId(), c.day(), c.visited(), c.postsEntered() + 1, c.postsRead(),
                c.readingSeconds(), c.likesGiven(), c.likesReceived(), c.replies()));
        read(accountId, List.of(postId));
    }

    void liked(long likerId, long authorId) {
        if (likerId == authorId) {
            return; // liking one's own words earns nothing
        }
        add(likerId, c -> new DayCounts(c.accountId(), c.day(), c.visited(), c.postsEntered(), c.postsRead(),
                c.readingSeconds(), c.likesGiven() + 1, c.likesReceived(), c.replies()));
        add(authorId, c -> new DayCounts(c.accountId(), c.day(), c.visited(), c.postsEntered(), c.postsRead(),
                c.readingSeconds(), c.likesGiven(), c.likesReceived() + 1, c.replies()));
        withPending(p -> p.likers.put(new Key(authorId, likerId), today()));
    }

    void replied(long authorId, long postId) {
        add(authorId, c -> new DayCounts(c.accountId(), c.day(), c.visited(), c.postsEntered(), c.postsRead(),
                c.readingSeconds(), c.likesGiven(), c.likesReceived(), c.replies() + 1));
        withPending(p -> p.replyThreads.putIfAbsent(new Key(authorId, postId), today()));
    }

    void published() {
        withPending(p -> p.published.merge(today(), 1, Integer::sum));
    }

    /** Takes everything counted so far; counting goes on in fresh maps. */
    Snapshot take() {
        Pending taken;
        swap.writeLock().lock();
        try {
            taken = pending;
            pending = new Pending();
        } finally {
            swap.writeLock().unlock();
        }
        forgetIdleReaders();
        return new Snapshot(new HashMap<>(taken.days), new HashMap<>(taken.likers), new HashMap<>(taken.replyThreads),
                new HashMap<>(taken.published));
    }

    /** Puts back counts that could not be written, so they go out with the next flush. */
    void giveBack(Snapshot snapshot) {
        withPending(p -> {
            snapshot.days().forEach((k, v) -> p.days.merge(k, v, DayCounts::plus));
            snapshot.likers().forEach((k, v) -> p.likers.merge(k, v, (a, b) -> a.isAfter(b) ? a : b));
            snapshot.replyThreads().forEach(p.replyThreads::putIfAbsent);
            snapshot.published().forEach((k, v) -> p.published.merge(k, v, Integer::sum));
        });
    }

    private void add(long accountId, UnaryOperator<DayCounts> change) {
        LocalDate day = today();
        Key key = new Key(accountId, day.toEpochDay());
        withPending(p -> p.days.compute(key, (k, c) -> change.apply(c == null ? DayCounts.none(accountId, day) : c)));
    }

    private void withPending(java.util.function.Consumer<Pending> change) {
        swap.readLock().lock();
        try {
            change.accept(pending);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** How many of these posts this person had not yet been counted for today on this node; remembers them. */
    private int fresh(Map<Long, Set<Long>> today, long accountId, Iterable<Long> postIds) {
        LocalDate day = today();
        if (!day.equals(readDay)) {
            synchronized (readToday) {
                if (!day.equals(readDay)) {
                    readToday.clear();
                    enteredToday.clear();
                    readDay = day;
                }
            }
        }
        Set<Long> seen = today.computeIfAbsent(accountId, id -> new HashSet<>());
        int fresh = 0;
        synchronized (seen) {
            for (Long postId : postIds) {
                if (postId != null && (seen.size() >= READS_REMEMBERED ? !seen.contains(postId) : seen.add(postId))) {
                    fresh++;
                }
            }
        }
        return fresh;
    }

    private void forgetIdleReaders() {
        Instant idleSince = clock.instant().minus(idleAfter);
        lastPage.values().removeIf(seen -> seen.isBefore(idleSince));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
