package org.tribune.notes;

import java.time.Instant;
import java.util.List;

/**
 * A community note on a post: whether it says the post is misleading, its text (Markdown, with at least one source
 * link) and what the scorer last decided. Notes are shown without their author's name.
 */
public record Note(long id, long postId, Long groupId, long authorId, boolean misleading, String body, String bodyHtml,
        List<String> sources, Instant createdAt, NoteStatus status, Instant statusAt, Double intercept, Double factor,
        Instant postEditedAt) {

    /** The post changed after the note's status was set: readers are told the note may speak of an older version. */
    public boolean postEditedSince() {
        return postEditedAt != null && statusAt != null && postEditedAt.isAfter(statusAt);
    }
}
