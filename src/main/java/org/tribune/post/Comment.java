package org.tribune.post;

import java.time.Instant;

/**
 * A comment; replies point to their parent. A deleted comment keeps its place (if it has replies) without its text.
 * {@code contentWarning} is the short warning its body stays folded behind, null when none.
 */
public record Comment(long id, long postId, Long parentId, int depth, long authorId, String body, String bodyHtml,
        Instant createdAt, Instant editedAt, boolean deleted, int likeCount, String contentWarning) {
}
