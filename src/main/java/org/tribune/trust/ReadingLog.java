package org.tribune.trust;

import java.time.Clock;
import java.util.Collection;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people read, as pages tell it: cheap enough to call on every page. Counts stay in this node's memory and are
 * added to the database in bulk every few seconds ({@code tribune.trust.reading.flush-every}) and when the node
 * stops, so a page view never waits for a write of its own.
 */
@Service
public class ReadingLog {
    private static final Logger log = LoggerFactory.getLogger(ReadingLog.class);

    private final ActivityBuffer buffer;
    private final ActivityStore store;
    private final TransactionTemplate transaction;

    ReadingLog(TrustSettings settings, Clock clock, ActivityStore store, TransactionTemplate transaction) {
        this.buffer = new ActivityBuffer(clock, settings.reading().idleAfter());
        this.store = store;
        this.transaction = transaction;
    }

    /** Posts shown to a signed-in reader in a feed or on a page. */
    public void read(long accountId, Collection<Long> postIds) {
        buffer.read(accountId, postIds);
    }

    /** A signed-in reader opened a post's own page. */
    public void entered(long accountId, long postId) {
        buffer.entered(accountId, postId);
    }

    /** A page seen by a signed-in person: a day visited, and reading time since their previous page. */
    public void visited(long accountId) {
        buffer.pageViewed(accountId);
    }

    ActivityBuffer buffer() {
        return buffer;
    }

    /**
     * Adds what this node counted to the database. Two nodes adding the first counts of the same person and day at
     * the same moment collide on the key once; the loser tries again and then finds the row. Counts that could not
     * be written stay for the next flush.
     */
    @Scheduled(fixedDelayString = "${tribune.trust.reading.flush-every:5s}", initialDelayString = "${tribune.trust.reading.flush-every:5s}")
    public void flush() {
        ActivityBuffer.Snapshot counts = buffer.take();
        if (counts.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> store.add(counts));
                return;
            } catch (DuplicateKeyException raced) {
                if (attempt == 2) {
                    buffer.giveBack(counts);
                    log.warn("activity counts kept for the next flush: {}", raced.getMessage());
                    return;
                }
            } catch (DataAccessException failed) {
                buffer.giveBack(counts);
                log.warn("activity counts kept for the next flush: {}", failed.getMessage());
                return;
            }
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}
