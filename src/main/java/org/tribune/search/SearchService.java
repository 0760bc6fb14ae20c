package org.tribune.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.group.GroupAccess;
import org.tribune.post.PostItem;
import org.tribune.post.PostReads;

/**
 * Finds posts by their words, for one viewer: a hit in a group counts only when the group's own rules
 * ({@link GroupAccess}) let the viewer read it, so private and hidden groups are searched for their members only.
 */
@Service
public class SearchService {
    static final int PAGE = 20;
    private static final int MAX_ROUNDS = 5;

    private final SearchEntries entries;
    private final GroupAccess groups;
    private final PostReads posts;

    SearchService(SearchEntries entries, GroupAccess groups, PostReads posts) {
        this.entries = entries;
        this.groups = groups;
        this.posts = posts;
    }

    /**
     * Up to {@link #PAGE} readable posts matching {@code query} with ids below {@code before} (null: from the newest).
     * Hits the viewer may not read are skipped and the cursor moves past them, so a page may be short but paging
     * never stops early.
     */
    @Transactional(readOnly = true)
    public SearchResults search(String rawQuery, Long viewerId, Long before) {
        String query = SearchQuery.check(rawQuery);
        if (query.isEmpty()) {
            return SearchResults.none(query);
        }
        List<Long> found = new ArrayList<>();
        long cursor = before == null ? Long.MAX_VALUE : before;
        boolean exhausted = false;
        for (int round = 0; round < MAX_ROUNDS && found.size() < PAGE; round++) {
            List<SearchEntries.Match> batch = entries.matching(query, cursor, PAGE);
            if (batch.isEmpty()) {
                exhausted = true;
                break;
            }
            Set<Long> readable = groups.readable(batch.stream().map(SearchEntries.Match::groupId)
                    .filter(g -> g != null).distinct().toList(), viewerId);
            for (SearchEntries.Match match : batch) {
                if (found.size() == PAGE) {
                    break;
                }
                cursor = match.postId();
                if (match.groupId() == null || readable.contains(match.groupId())) {
                    found.add(match.postId());
                }
            }
            if (batch.size() < PAGE && found.size() < PAGE) {
                exhausted = true;
                break;
            }
        }
        // PostReads checks readability once more, and leaves out posts of deleted accounts.
        List<PostItem> items = posts.byIds(found, viewerId);
        Long next = exhausted ? null : cursor;
        return new SearchResults(query, items, next);
    }
}
