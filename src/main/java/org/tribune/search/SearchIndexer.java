package org.tribune.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tribune.post.PostEvents;
import org.tribune.post.PostService;

/**
 * Keeps the index in step with posts. The listeners run in the transaction that changed the post, so the index row
 * commits (or rolls back) with it: no event can be lost between the two, and every node finds a post the moment it
 * exists. The text always comes from {@link PostService}, which only holds accepted content.
 */
@Component
class SearchIndexer {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchEntries entries;
    private final PostService posts;

    SearchIndexer(SearchEntries entries, PostService posts) {
        this.entries = entries;
        this.posts = posts;
    }

    @EventListener
    void published(PostEvents.PostPublished event) {
        index(event.postId(), event.authorId());
    }

    @EventListener
    void edited(PostEvents.PostEdited event) {
        index(event.postId(), event.editorId());
    }

    @EventListener
    void deleted(PostEvents.PostDeleted event) {
        entries.remove(event.postId());
    }

    /** Indexes the live post as it now reads (readers are filtered when they search, not here). */
    private void index(long postId, long writerId) {
        posts.forModeration(postId).ifPresentOrElse(
                post -> entries.put(post.id(), post.groupId(), post.authorId(), post.title(), post.body()),
                () -> {
                    log.debug("post {} is gone; not indexed (written by {})", postId, writerId);
                    entries.remove(postId);
                });
    }
}
