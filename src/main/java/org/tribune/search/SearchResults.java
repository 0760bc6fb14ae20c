package org.tribune.search;

import java.util.List;

import org.tribune.post.PostItem;

/** A page of hits, newest first; {@code next} is the cursor of the following page, or null at the end. */
public record SearchResults(String query, List<PostItem> items, Long next) {
    static SearchResults none(String query) {
        return new SearchResults(query, List.of(), null);
    }
}
