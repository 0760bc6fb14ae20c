package org.tribune.trust;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tribune.platform.DurableListeners;
import org.tribune.post.PostEvents;

/**
 * Counts what people do with posts for their trust level: likes given and received, replies to others, posts
 * opened, posts published on the site. Likes and replies are someone's record, so each is a durable listener
 * ({@link ApplicationModuleListener}): recorded with the like or the comment, added to the database in a
 * transaction of its own after the commit, and retried after a crash; each run first claims its publication
 * ({@link DurableListeners#claim}), so a like is counted once however many times it is handed over. Posts opened
 * and the site's count of posts published are tallies of reading, kept in memory and added in bulk by
 * {@link ReadingLog} (a crash loses at most its last few seconds of them, and no one's own action).
 */
@Component
class PostActivity {
    private final ActivityBuffer buffer;
    private final ActivityStore store;
    private final Clock clock;
    private final DurableListeners listeners;

    PostActivity(ReadingLog log, ActivityStore store, Clock clock, DurableListeners listeners) {
        this.buffer = log.buffer();
        this.store = store;
        this.clock = clock;
        this.listeners = listeners;
    }

    @EventListener
    void viewed(PostEvents.PostViewed viewed) {
        buffer.entered(viewed.viewerId(), viewed.postId());
    }

    @EventListener
    void published(PostEvents.PostPublished published) {
        buffer.published();
    }

    /** A comment on someone else's post, or an answer to someone else's comment, is a reply in that thread. */
    @ApplicationModuleListener(id = "trust.commentAdded")
    void commented(PostEvents.CommentAdded comment) {
        if (!listeners.claim(comment)) {
            return;
        }
        boolean toOthers = comment.postAuthorId() != comment.authorId()
                || (comment.parentAuthorId() != null && comment.parentAuthorId() != comment.authorId());
        if (toOthers) {
            addNow(counts -> counts.replied(comment.authorId(), comment.postId()));
        }
    }

    @ApplicationModuleListener(id = "trust.postLiked")
    void postLiked(PostEvents.PostLiked like) {
        if (!listeners.claim(like)) {
            return;
        }
        addNow(counts -> counts.liked(like.likerId(), like.authorId()));
    }

    @ApplicationModuleListener(id = "trust.commentLiked")
    void commentLiked(PostEvents.CommentLiked like) {
        if (!listeners.claim(like)) {
            return;
        }
        addNow(counts -> counts.liked(like.likerId(), like.authorId()));
    }

    /** Counts one action and adds it to the database in the listener's transaction, with the same statements as a flush. */
    private void addNow(Consumer<ActivityBuffer> action) {
        ActivityBuffer one = new ActivityBuffer(clock, Duration.ZERO);
        action.accept(one);
        ActivityBuffer.Snapshot counts = one.take();
        if (!counts.isEmpty()) {
            store.add(counts);
        }
    }
}
