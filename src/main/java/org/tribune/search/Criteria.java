package org.tribune.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A query as the engines run it: its terms, and who may see what. {@code readableGroups} are the groups whose
 * members-only documents the viewer may find (their current groups, read at the time of the search);
 * {@code excludedAuthors} are people whose posts, comments and names the viewer must not be shown (blocks).
 * {@code group}, {@code author}: resolved {@code in:} and {@code from:}, or null. {@code newest}: order by recency
 * only, else by relevance (id as tie-break) among the newest {@code window} matches: ranking every match of a common
 * word (a fifth of millions of documents) costs what no search may cost.
 */
record Criteria(SearchType type, List<SearchQuery.Term> terms, Set<Long> readableGroups, Set<Long> excludedAuthors,
        Long group, Long author, boolean hasLink, Instant before, Instant after, boolean newest, int window) {

    /** Whether the order is by recency: asked for, or when there are no words to be relevant to. */
    boolean byRecency() {
        return newest || terms.isEmpty();
    }
}
