package org.tribune.feed;

import java.util.List;

/** A page of a feed; {@code next} is the id to pass as {@code before} for the following page, or null at the end. */
public record Feed(List<FeedEntry> entries, Long next) {
}
