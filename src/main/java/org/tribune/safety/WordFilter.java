package org.tribune.safety;

import java.time.Instant;
import java.util.Set;

/**
 * A person's word filter: a word or phrase, matched as whole words with accents and case folded, in the places
 * ({@code contexts}) they chose, hiding what matches or folding it behind a warning; until {@code until} (null: for good).
 */
public record WordFilter(long id, long accountId, String phrase, Set<Context> contexts, Action action, Instant until,
        Instant createdAt) {

    public static final int PHRASE_MAX = 100;
    public static final int PER_PERSON_MAX = 200;

    /** Where a filter applies. */
    public enum Context { HOME, GROUPS, NOTIFICATIONS, THREADS, SEARCH }

    /** What a filter does to what matches. */
    public enum Action {
        /** Left out of lists. */
        HIDE,
        /** Shown folded behind a warning that names the filter. */
        WARN
    }

    public boolean activeAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
