package org.tribune.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
 * The window is a heap over arrays of primitives: every search of a common word goes through it a thousand times, and
 * a heap of records with composed comparators was a tenth of a search's CPU.
 */
final class NewestMatches implements CollectorManager<NewestMatches.Window, List<NewestMatches.Match>> {
    /** A match: the index-wide document number, its score, time and id. */
    record Match(int doc, float score, long time, long id) {
    }

    private final int size;

    NewestMatches(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a window of at least one match");
        }
        this.size = size;
    }

    @Override
    public Window newCollector() {
        return new Window(size);
    }

    /** The newest {@code size} matches of all windows, in no particular order (they are ranked by relevance next). */
    @Override
    public List<Match> reduce(Collection<Window> windows) {
        if (windows.size() == 1) {
            return windows.iterator().next().matches();
        }
        Window all = new Window(size);
        for (Window window : windows) {
            for (int i = 0; i < window.count; i++) {
                all.offer(window.docs[i], window.scores[i], window.times[i], window.ids[i]);
            }
        }
        return all.matches();
    }

    /** The newest matches seen so far, in a binary heap whose root is the oldest of them. */
    static final class Window implements Collector {
        private final int size;
        private final int[] docs;
        private final float[] scores;
        private final long[] times;
        private final long[] ids;
        private int count;

        Window(int size) {
            this.size = size;
            this.docs = new int[size];
            this.scores = new float[size];
            this.times = new long[size];
            this.ids = new long[size];
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        /** Whether the window is full and (time, id) is not newer than its oldest match. */
        boolean full(long time, long id) {
            return count == size && !newer(time, id, times[0], ids[0]);
        }

        /** Keeps this match if it is among the newest {@code size} so far. */
        void offer(int doc, float score, long time, long id) {
            if (count < size) {
                set(count, doc, score, time, id);
                up(count++);
            } else if (newer(time, id, times[0], ids[0])) {
                set(0, doc, score, time, id);
                down(0);
            }
        }

        List<Match> matches() {
            List<Match> matches = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                matches.add(new Match(docs[i], scores[i], times[i], ids[i]));
            }
            return matches;
        }

        private static boolean newer(long time, long id, long otherTime, long otherId) {
            return time > otherTime || (time == otherTime && id > otherId);
        }

        private void set(int at, int doc, float score, long time, long id) {
            docs[at] = doc;
            scores[at] = score;
            times[at] = time;
            ids[at] = id;
        }

        private void swap(int a, int b) {
            int doc = docs[a];
            float score = scores[a];
            long time = times[a];
            long id = ids[a];
            set(a, docs[b], scores[b], times[b], ids[b]);
            set(b, doc, score, time, id);
        }

        private void up(int at) {
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!newer(times[parent], ids[parent], times[at], ids[at])) {
                    return;
                }
                swap(at, parent);
                at = parent;
            }
        }

        private void down(int at) {
            while (true) {
                int oldest = at;
                int left = 2 * at + 1;
                int right = left + 1;
                if (left < count && newer(times[oldest], ids[oldest], times[left], ids[left])) {
                    oldest = left;
                }
                if (right < count && newer(times[oldest], ids[oldest], times[right], ids[right])) {
                    oldest = right;
                }
                if (oldest == at) {
                    return;
                }
                swap(at, oldest);
                at = oldest;
            }
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues timeValues = DocValues.getNumeric(context.reader(), "time");
            NumericDocValues idValues = DocValues.getNumeric(context.reader(), "order");
            int base = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    long time = timeValues.advanceExact(doc) ? timeValues.longValue() : Long.MIN_VALUE;
                    long id = idValues.advanceExact(doc) ? idValues.longValue() : Long.MIN_VALUE;
                    if (full(time, id)) {
                        // the segment is sorted newest first: the rest of it is older still
                        throw new CollectionTerminatedException();
                    }
                    offer(base + doc, scorer.score(), time, id);
                }
            };
        }
    }
}
