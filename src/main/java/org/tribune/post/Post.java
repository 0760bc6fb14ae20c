package org.tribune.post;

import java.time.Instant;

/** A post as stored; {@code groupId} is null for a post on its author's profile. */
public record Post(long id, Long groupId, long authorId, String title, String body, String bodyHtml, String linkUrl,
        Instant createdAt, Instant editedAt, int commentCount, int likeCount, Instant lastCommentAt) {

    public boolean onProfile() {
        return groupId == null;
    }
}
