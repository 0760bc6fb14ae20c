package org.tribune.post;

import java.util.Set;

/** What happens to posts that other features react to (notifications, search, live feeds). */
public final class PostEvents {
    private PostEvents() {
    }

    /** A new post; {@code mentionedIds} are the accounts its text mentions. */
    public record PostPublished(long postId, Long groupId, long authorId, Set<Long> mentionedIds) {
    }

    /** The accepted text of a post changed (an edit went live, was accepted, or was reverted). */
    public record PostEdited(long postId, long editorId) {
    }

    /** A post was recategorised: moved from one group to another. */
    public record PostMoved(long postId, long fromGroupId, long toGroupId, long moverId) {
    }

    public record PostDeleted(long postId, Long groupId) {
    }

    /** A new comment; {@code parentAuthorId} is set for replies. */
    public record CommentAdded(long commentId, long postId, Long groupId, long authorId, long postAuthorId,
            Long parentCommentId, Long parentAuthorId, Set<Long> mentionedIds) {
    }

    /** The author changed a comment's text (search indexes its new words). */
    public record CommentEdited(long commentId, long postId, long editorId) {
    }

    public record PostLiked(long postId, Long groupId, long likerId, long authorId) {
    }

    public record CommentLiked(long commentId, long postId, Long groupId, long likerId, long authorId) {
    }

    /**
     * A signed-in reader opened a post's own page. Published in memory only, with no transaction: it tells what was
     * read (trust levels count it) and must stay as cheap as the page.
     */
    public record PostViewed(long postId, long viewerId) {
    }
}
