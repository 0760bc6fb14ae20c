package org.tribune.trust;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tribune.post.PostEvents;

/**
 * Counts what people do with posts for their trust level: likes given and received, replies to others, posts
 * opened, posts published on the site. Only in memory; {@link ReadingLog} adds the counts in bulk.
 */
@Component
class PostActivity {
    private final ActivityBuffer buffer;

    PostActivity(ReadingLog log) {
        this.buffer = log.buffer();
    }

    @EventListener
    void viewed(PostEvents.PostViewed viewed) {
        buffer.entered(viewed.viewerId(), viewed.postId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void published(PostEvents.PostPublished published) {
        buffer.published();
    }

    /** A comment on someone else's post, or an answer to someone else's comment, is a reply in that thread. */
    @TransactionalEventListener(fallbackExecution = true)
    void commented(PostEvents.CommentAdded comment) {
        boolean toOthers = comment.postAuthorId() != comment.authorId()
                || (comment.parentAuthorId() != null && comment.parentAuthorId() != comment.authorId());
        if (toOthers) {
            buffer.replied(comment.authorId(), comment.postId());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void postLiked(PostEvents.PostLiked like) {
        buffer.liked(like.likerId(), like.authorId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void commentLiked(PostEvents.CommentLiked like) {
        buffer.liked(like.likerId(), like.authorId());
    }
}
