package org.tribune.safety;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Over the API, the reader's WARN word filter an entry matched, which folds it behind a warning naming it: one schema
 * for every list that applies filters (feeds, threads, notifications). Entries HIDE filters match are left out.
 */
@Schema(name = "FeedFiltered", nullable = true, description = "Set when one of your WARN word filters for the list's "
        + "context matched (HOME or GROUPS in feeds, THREADS in a post's comments, SEARCH in search, NOTIFICATIONS in "
        + "notifications, where the post or comment a notification is about is matched); entries your HIDE filters match are left out "
        + "(and hidden notifications are not counted unread). Your own posts and comments, and moderation notices, are "
        + "never filtered")
public record FilteredJson(String phrase, @Schema(allowableValues = {"WARN"}) String action) {

    /** The API form of a match, null when nothing matched. */
    public static FilteredJson of(FilterMatcher.Match match) {
        return match == null ? null : new FilteredJson(match.phrase(), match.action().name());
    }
}
