package org.tribune.post;

import java.util.Collection;
import java.util.Map;

/**
 * Where posts find the community note to show under them. The notes feature implements it; posts only ask, so the
 * dependency goes from notes to posts and never back.
 */
public interface HelpfulNotes {

    /** The Helpful note of each of these posts that has one (post id → note). */
    Map<Long, PostNote> forPosts(Collection<Long> postIds);

    /**
     * What {@link #forPosts} gives for these posts changed (a note went into or out of Helpful, the post was edited
     * since, a writer's notes were erased): published by the notes feature inside the change's transaction, so that
     * posts forget what they keep of it.
     */
    record Changed(Collection<Long> postIds) {
        public Changed {
            postIds = java.util.List.copyOf(postIds);
        }
    }
}
