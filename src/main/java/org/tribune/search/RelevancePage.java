package org.tribune.search;

import java.util.List;
import java.util.PriorityQueue;

import org.apache.lucene.search.ScoreDoc;

/**
 * One page of a window of matches by relevance: by score, then by id, both descending. Only the page is ordered (a
 * heap as large as the page), not the whole window: a common word's window is a thousand matches for twenty shown.
 */
final class RelevancePage {
    private RelevancePage() {
    }

    /**
     * The first {@code limit} matches of {@code window} that rank after {@code after} (null: the first page). The page
     * starts after the cursor's document where it ranks now: BM25 scores move a little as the index changes (each
     * document another node writes, or this node writes again from the log), so the cursor's score alone could skip
     * or repeat a page of equal scores. Its score places it only when it is gone from the window.
     */
    static ScoreDoc[] of(List<NewestMatches.Match> window, Cursor after, int limit) {
        float afterScore = after == null ? Float.POSITIVE_INFINITY : after.score();
        long afterId = after == null ? Long.MAX_VALUE : after.id();
        if (after != null) {
            for (NewestMatches.Match match : window) {
                if (match.id() == after.id()) {
                    afterScore = match.score();
                    break;
                }
            }
        }
        // the lowest ranked of the page so far on top, to be replaced by anything that ranks higher
        PriorityQueue<NewestMatches.Match> page = new PriorityQueue<>(limit + 1, RelevancePage::compare);
        for (NewestMatches.Match match : window) {
            if (after != null && !ranksBelow(match, afterScore, afterId)) {
                continue;
            }
            if (page.size() < limit) {
                page.add(match);
            } else if (limit > 0 && compare(match, page.peek()) > 0) {
                page.poll();
                page.add(match);
            }
        }
        ScoreDoc[] ranked = new ScoreDoc[page.size()];
        for (int i = ranked.length - 1; i >= 0; i--) {
            NewestMatches.Match match = page.poll();
            ranked[i] = new ScoreDoc(match.doc(), match.score());
        }
        return ranked;
    }

    /** Lower ranked first: by score, then id, then document (a post and a comment may share an id). */
    private static int compare(NewestMatches.Match a, NewestMatches.Match b) {
        int byScore = Float.compare(a.score(), b.score());
        if (byScore != 0) {
            return byScore;
        }
        int byId = Long.compare(a.id(), b.id());
        return byId != 0 ? byId : Integer.compare(a.doc(), b.doc());
    }

    private static boolean ranksBelow(NewestMatches.Match match, float score, long id) {
        return match.score() < score || (match.score() == score && match.id() < id);
    }
}
