package org.tribune.feed;

import org.tribune.post.PostItem;
import org.tribune.safety.FilterMatcher;

/**
 * One post in a feed, with why it is there; {@code filtered} names the reader's word filter that folds it behind a
 * warning (null when none matched: entries a hiding filter matched are not in the feed at all).
 */
public record FeedEntry(PostItem item, Reason reason, FilterMatcher.Match filtered) {

    public FeedEntry(PostItem item, Reason reason) {
        this(item, reason, null);
    }
}
