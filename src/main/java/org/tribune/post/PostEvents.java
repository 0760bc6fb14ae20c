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

    /**
     * A post's content warning changed ({@code null}: none), by its author or a moderator: the wiki keeps it as a
     * revision by {@code editorId}.
     */
    public record PostWarningChanged(long postId, long editorId, String before, String after) {
    }

    /** A post was recategorised: moved from one group to another. */
    public record PostMoved(long postId, long fromGroupId, long toGroupId, long moverId) {
    }

    public record PostDeleted(long postId, Long groupId) {
    }

    /**
     * A new comment; {@code parentAuthorId} is set for replies. A comment {@code held} by a group's filter tells
     * nobody yet: see {@link HeldContentReleased}.
     */
    public record CommentAdded(long commentId, long postId, Long groupId, long authorId, long postAuthorId,
            Long parentCommentId, Long parentAuthorId, Set<Long> mentionedIds, boolean held) {
        public CommentAdded(long commentId, long postId, Long groupId, long authorId, long postAuthorId,
                Long parentCommentId, Long parentAuthorId, Set<Long> mentionedIds) {
            this(commentId, postId, groupId, authorId, postAuthorId, parentCommentId, parentAuthorId, mentionedIds, false);
        }
    }

    /**
     * A moderator released a new post ({@code commentId} null) or comment that a group's filter held: what its
     * publication would have told is told now. For a comment, {@code postAuthorId} hears of it and
     * {@code parentAuthorId} (replies) of the reply; {@code mentionedIds} are those its text mentions now who may
     * read it.
     */
    public record HeldContentReleased(Long commentId, long postId, Long groupId, long authorId, Long postAuthorId,
            Long parentAuthorId, Set<Long> mentionedIds) {
    }

    /**
     * A group's filter held a post ({@code commentId} null) or a comment, new or edited: it is hidden until a
     * moderator reviews it. Moderation logs it and queues it; the author is told why.
     */
    public record HeldByGroupFilter(Long commentId, long postId, long groupId, long authorId, long filterId,
            String phrase) {
    }

    /**
     * A group's filter refused a post, a comment or an edit ({@code postId} null for a new post; {@code comment}
     * says what was refused). Published in a transaction of its own, so that it is logged although nothing was saved.
     */
    public record RefusedByGroupFilter(Long postId, boolean comment, long groupId, long authorId, long filterId,
            String phrase) {
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
