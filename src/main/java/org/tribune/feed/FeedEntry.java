package org.tribune.feed;

import org.tribune.post.PostItem;

/** One post in a feed, with why it is there. */
public record FeedEntry(PostItem item, Reason reason) {
}
