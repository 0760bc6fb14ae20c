package org.tribune.search;

import java.time.Instant;

/**
 * The state of the index: the current build's generation, whether a complete build ever finished, and the progress
 * of the running (or last) rebuild. {@code total} is an estimate (the documents the index held when it started,
 * null before any build).
 */
public record IndexBuild(long generation, boolean built, Long total, long done, Instant startedAt, Instant finishedAt) {

    public boolean running() {
        return startedAt != null && finishedAt == null;
    }

    /** Percent done, 0 to 100, when the total is known. */
    public int percent() {
        if (total == null || total == 0) {
            return running() ? 0 : 100;
        }
        return (int) Math.min(100, done * 100 / total);
    }
}
