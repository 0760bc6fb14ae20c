package org.tribune.post;

import java.time.Instant;

/**
 * A post as stored: its accepted revision (the wiki keeps the others). {@code groupId} is null for a post on its
 * author's profile; {@code linkSummary} is the community's short description of the link, null when none.
 */
public record Post(long id, Long groupId, long authorId, String title, String body, String bodyHtml, String linkUrl,
        Instant createdAt, Instant editedAt, int commentCount, int likeCount, Instant lastCommentAt, String linkSummary) {

    public boolean onProfile() {
        return groupId == null;
    }
}
