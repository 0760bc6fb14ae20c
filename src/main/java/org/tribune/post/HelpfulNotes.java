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
}
