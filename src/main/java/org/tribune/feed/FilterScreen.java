package org.tribune.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tribune.post.PostItem;
import org.tribune.post.PostReads;
import org.tribune.safety.FilterMatcher;

/**
 * A reader's word filters as one feed page meets them: hiding matches are left out before anything else is read of
 * them, warning matches are remembered for the page to carry. The reader's own posts are never filtered. Each post is
 * matched once: folding and scanning the texts of a page is the filters' whole cost.
 */
final class FilterScreen implements PostReads.Screen {
    private final FilterMatcher matcher;
    private final Long readerId;
    private final Map<Long, FilterMatcher.Match> warnings = new HashMap<>();

    FilterScreen(FilterMatcher matcher, Long readerId) {
        this.matcher = matcher;
        this.readerId = readerId;
    }

    /** What the screen does with no filters: nothing, at no cost. */
    PostReads.Screen orNone() {
        return matcher.isEmpty() ? PostReads.Screen.NONE : this;
    }

    @Override
    public boolean leavesOut(PostItem item) {
        if (readerId != null && item.post().authorId() == readerId) {
            return false;
        }
        FilterMatcher.Match match = matcher.match(texts(item));
        if (match == null) {
            return false;
        }
        if (match.hides()) {
            return true;
        }
        warnings.put(item.post().id(), match);
        return false;
    }

    /** The warning filter this kept post matched, or null. */
    FilterMatcher.Match warningFor(PostItem item) {
        return warnings.get(item.post().id());
    }

    /** What filters are matched against: titles, bodies, link previews, link summaries and content warnings. */
    private static String[] texts(PostItem item) {
        List<String> texts = new java.util.ArrayList<>();
        for (PostItem i = item; i != null; i = i.shared()) {
            var p = i.post();
            texts.add(p.title());
            texts.add(p.body());
            texts.add(p.contentWarning());
            texts.add(p.linkSummary());
            if (i.preview() != null) {
                texts.add(i.preview().title());
                texts.add(i.preview().description());
            }
        }
        return texts.toArray(String[]::new);
    }
}
