package org.tribune.post;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.tribune.platform.InvalidInput;
import org.tribune.post.preview.LinkPreviews;

/**
 * Fetches the preview of a post's link once the post is saved, in the background: publishing never waits for
 * another site, and readers only ever see what is cached on our side. A durable listener: a node that stops before
 * the fetch leaves the publication behind and the fetch is done again later. It is the one durable listener that
 * does not claim its publication ({@code platform.DurableListeners}): that takes a transaction, and none is held
 * during the fetch (up to 10 s), so no database connection waits on another site. A preview fetched twice is
 * harmless: the second fetch writes the same address's row of the cache again (an upsert), nobody is notified and
 * nothing is counted.
 */
@Component
class PreviewWarmer {
    private static final Logger log = LoggerFactory.getLogger(PreviewWarmer.class);

    private final LinkPreviews previews;

    PreviewWarmer(LinkPreviews previews) {
        this.previews = previews;
    }

    /** An address that is refused or fails is cached as such: that is an outcome, not a failure to retry. */
    @ApplicationModuleListener(id = "post.preview", propagation = Propagation.NOT_SUPPORTED)
    void on(PreviewWanted wanted) {
        try {
            previews.preview(wanted.url());
        } catch (InvalidInput | IllegalStateException e) {
            log.debug("no preview for post {}: {}", wanted.postId(), e.getMessage());
        }
    }
}
