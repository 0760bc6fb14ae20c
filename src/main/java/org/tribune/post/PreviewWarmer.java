package org.tribune.post;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tribune.platform.InvalidInput;
import org.tribune.post.preview.LinkPreviews;

/**
 * Fetches the preview of a post's link once the post is saved, in the background: publishing never waits for
 * another site, and readers only ever see what is cached on our side.
 */
@Component
class PreviewWarmer {
    private static final Logger log = LoggerFactory.getLogger(PreviewWarmer.class);

    private final Posts posts;
    private final LinkPreviews previews;
    private final ExecutorService fetchers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("preview-", 0).factory());

    PreviewWarmer(Posts posts, LinkPreviews previews) {
        this.posts = posts;
        this.previews = previews;
    }

    @TransactionalEventListener
    void on(PostEvents.PostPublished event) {
        warm(event.postId());
    }

    @TransactionalEventListener
    void on(PostEvents.PostEdited event) {
        warm(event.postId());
    }

    private void warm(long postId) {
        posts.live(postId).map(Post::linkUrl).ifPresent(url -> fetchers.execute(() -> {
            try {
                previews.preview(url);
            } catch (InvalidInput | IllegalStateException e) {
                log.debug("no preview for post {}: {}", postId, e.getMessage());
            }
        }));
    }

    @PreDestroy
    void stop() {
        fetchers.shutdownNow();
    }
}
