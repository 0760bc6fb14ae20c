package org.tribune.post;

import java.time.Instant;

/**
 * A post as stored: its accepted revision (the wiki keeps the others). {@code groupId} is null for a post on its
 * author's profile; {@code linkSummary} is the community's short description of the link, null when none;
 * {@code contentWarning} is the short warning the body stays folded behind, null when none.
 */
public record Post(long id, Long groupId, long authorId, String title, String body, String bodyHtml, String linkUrl,
        Instant createdAt, Instant editedAt, int commentCount, int likeCount, Instant lastCommentAt, String linkSummary,
        String contentWarning) {

    /** The longest content warning: a few words ("violence", "spoilers for …"), not a text. */
    public static final int WARNING_MAX = 200;

    public boolean onProfile() {
        return groupId == null;
    }
}
