package org.tribune.search;

import java.util.List;

/**
 * A page of hits for a query and a tab; {@code next} is the opaque cursor of the following page, or null at the end.
 * A page may hold fewer hits than asked (some were no longer readable when checked) while a next page exists.
 */
public record SearchResults(String query, SearchType type, boolean newest, List<SearchHit> hits, String next) {
    static SearchResults none(String query, SearchType type, boolean newest) {
        return new SearchResults(query, type, newest, List.of(), null);
    }
}
