package org.tribune.feed;

import java.util.List;

/**
 * A page of a feed; {@code next} is the id to pass as {@code before} for the following page, or null at the end.
 * {@code quiet}: the reader's own sources had little to show lately, so the page also holds suggestions.
 */
public record Feed(List<FeedEntry> entries, Long next, boolean quiet) {

    public Feed(List<FeedEntry> entries, Long next) {
        this(entries, next, false);
    }
}
