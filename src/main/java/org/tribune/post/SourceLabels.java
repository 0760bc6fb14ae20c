package org.tribune.post;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where link previews find the label the community gave the linked site (satire, state-affiliated...). The source
 * feature implements it; posts only ask, so the dependency goes from sources to posts and never back.
 */
public interface SourceLabels {

    /** The label of each of these addresses whose domain has one (address → label), in one query for them all. */
    Map<String, SourceTag> forLinks(Collection<String> urls);

    /** The same items with the label of their link's domain, and of their shared post's; one lookup for all. */
    static List<PostItem> label(List<SourceLabels> sources, List<PostItem> items) {
        if (sources.isEmpty() || items.isEmpty()) {
            return items;
        }
        List<String> links = new java.util.ArrayList<>();
        for (PostItem item : items) {
            links.add(item.post().linkUrl());
            if (item.shared() != null) {
                links.add(item.shared().post().linkUrl());
            }
        }
        links.removeIf(java.util.Objects::isNull);
        if (links.isEmpty()) {
            return items;
        }
        Map<String, SourceTag> found = new java.util.HashMap<>();
        sources.forEach(source -> found.putAll(source.forLinks(links)));
        return found.isEmpty() ? items : items.stream().map(item -> item.withSources(found)).toList();
    }
}
