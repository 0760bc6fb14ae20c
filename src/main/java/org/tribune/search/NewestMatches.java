package org.tribune.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * The newest {@code size} matches of a query with their scores, in one pass over an index sorted newest first (by
 * {@code time}, then {@code order}, both descending): each segment is read from its newest match and left as soon as
 * its next match is older than the newest {@code size} found so far, so the cost is bounded by the window, not by how
 * common the words are. Scores are computed while collecting (a sorted search would score the window again after).
 */
final class NewestMatches implements CollectorManager<NewestMatches.Window, List<NewestMatches.Match>> {
    /** A match: the index-wide document number, its score, time and id. */
    record Match(int doc, float score, long time, long id) {
    }

    private static final Comparator<Match> OLDEST_FIRST = Comparator.comparingLong(Match::time).thenComparingLong(Match::id);

    private final int size;

    NewestMatches(int size) {
        this.size = size;
    }

    @Override
    public Window newCollector() {
        return new Window(size);
    }

    /** The newest {@code size} matches of all windows, newest first. */
    @Override
    public List<Match> reduce(Collection<Window> windows) {
        List<Match> all = new ArrayList<>();
        windows.forEach(w -> all.addAll(w.heap));
        all.sort(OLDEST_FIRST.reversed());
        return all.size() > size ? new ArrayList<>(all.subList(0, size)) : all;
    }

    /** The newest matches seen so far, the oldest of them on top. */
    static final class Window implements Collector {
        private final int size;
        private final PriorityQueue<Match> heap;

        Window(int size) {
            this.size = size;
            this.heap = new PriorityQueue<>(size + 1, OLDEST_FIRST);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues times = DocValues.getNumeric(context.reader(), "time");
            NumericDocValues ids = DocValues.getNumeric(context.reader(), "order");
            int base = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    long time = times.advanceExact(doc) ? times.longValue() : Long.MIN_VALUE;
                    long id = ids.advanceExact(doc) ? ids.longValue() : Long.MIN_VALUE;
                    if (heap.size() == size) {
                        Match oldest = heap.peek();
                        if (time < oldest.time() || (time == oldest.time() && id < oldest.id())) {
                            // the segment is sorted newest first: the rest of it is older still
                            throw new CollectionTerminatedException();
                        }
                        heap.poll();
                    }
                    heap.add(new Match(base + doc, scorer.score(), time, id));
                }
            };
        }
    }
}
