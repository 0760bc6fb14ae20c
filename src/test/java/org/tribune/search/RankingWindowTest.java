package org.tribune.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * The window of newest matches and the page ranked from it give what sorting every match would: the newest
 * {@code size} of an index of many segments sorted newest first, then pages by score and id that follow each other
 * through a cursor without a gap or a repeat. And remembering stems changes no word's stem.
 */
class RankingWindowTest {
    private static final Sort NEWEST = new Sort(new SortField("time", SortField.Type.LONG, true),
            new SortField("order", SortField.Type.LONG, true));

    /** A document of the test index: its id, time and how often it says "word" (its score grows with it). */
    private record Doc(long id, long time, int words) {
    }

    @Test
    void theWindowIsTheNewestMatchesOfEverySegmentAndPagesFollowByRelevance() throws IOException {
        Random random = new Random(7);
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // few distinct times, so that ties on time are decided by id; some documents do not match
            docs.add(new Doc(i + 1, random.nextInt(500), random.nextInt(4)));
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setIndexSort(NEWEST);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (Doc doc : docs) {
                    Document d = new Document();
                    d.add(new NumericDocValuesField("time", doc.time()));
                    d.add(new NumericDocValuesField("order", doc.id()));
                    d.add(new TextField("text", ("word ".repeat(doc.words()) + "other " + doc.id()).strip(), Field.Store.NO));
                    writer.addDocument(d);
                    if (random.nextInt(400) == 0) {
                        writer.commit(); // a new segment
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(3);
                IndexSearcher searcher = new IndexSearcher(reader);
                TermQuery query = new TermQuery(new Term("text", "word"));
                for (int size : new int[] {1, 37, 1000, 5000}) {
                    List<NewestMatches.Match> window = searcher.search(query, new NewestMatches(size));
                    List<Long> expected = docs.stream().filter(d -> d.words() > 0)
                            .sorted(Comparator.comparingLong(Doc::time).thenComparingLong(Doc::id).reversed())
                            .limit(size).map(Doc::id).sorted().toList();
                    assertThat(window.stream().map(NewestMatches.Match::id).sorted().toList()).as("window of %d", size)
                            .isEqualTo(expected);

                    // every page of 20 through the cursor: the window sorted by score then id, in pieces
                    List<NewestMatches.Match> byRank = window.stream()
                            .sorted(Comparator.comparingDouble(NewestMatches.Match::score)
                                    .thenComparingLong(NewestMatches.Match::id).reversed()).toList();
                    List<Long> paged = new ArrayList<>();
                    Cursor after = null;
                    for (int page = 0; page < 400; page++) {
                        ScoreDoc[] hits = RelevancePage.of(window, after, 20);
                        if (hits.length == 0) {
                            break;
                        }
                        for (ScoreDoc hit : hits) {
                            paged.add(window.stream().filter(m -> m.doc() == hit.doc).findFirst().orElseThrow().id());
                        }
                        NewestMatches.Match last = window.stream().filter(m -> m.doc() == hits[hits.length - 1].doc)
                                .findFirst().orElseThrow();
                        after = new Cursor(last.score(), last.id(), last.time());
                    }
                    assertThat(paged).as("pages of a window of %d", size)
                            .isEqualTo(byRank.stream().map(NewestMatches.Match::id).toList());
                }
            }
        }
    }

    @Test
    void aCursorWhoseDocumentLeftTheWindowIsPlacedByItsScore() {
        List<NewestMatches.Match> window = List.of(new NewestMatches.Match(0, 3f, 10, 1), new NewestMatches.Match(1, 2f, 9, 2),
                new NewestMatches.Match(2, 2f, 8, 3), new NewestMatches.Match(3, 1f, 7, 4));
        // id 9 is gone; its score 2 and id 9 rank it just above the two matches of score 2
        ScoreDoc[] page = RelevancePage.of(window, new Cursor(2f, 9, 0), 20);
        assertThat(page).extracting(d -> d.doc).containsExactly(2, 1, 3);
        // id 3 is there with another score now (2, not 0.5): the page follows where it ranks now
        assertThat(RelevancePage.of(window, new Cursor(0.5f, 3, 0), 2)).extracting(d -> d.doc).containsExactly(1, 3);
        assertThat(RelevancePage.of(window, null, 0)).isEmpty();
    }

    @Test
    void rememberedStemsAreSnowballsStemsEvenWhenTheMemoryStartsAgain() throws IOException {
        Set<String> words = new HashSet<>();
        Random random = new Random(11);
        String[] pieces = {"élect", "ion", "s", "eur", "rice", "ment", "aux", "école", "é", "er", "ait", "iez", "ons"};
        while (words.size() < Analysis.REMEMBERED_STEMS + 500) {
            StringBuilder word = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                word.append(pieces[random.nextInt(pieces.length)]);
            }
            word.append((char) ('a' + random.nextInt(26))).append(random.nextInt(1000));
            words.add(word.toString());
        }
        List<String> all = new ArrayList<>(words);
        // twice, so that the second pass reads what the first remembered (and the memory is full once in between)
        for (int pass = 0; pass < 2; pass++) {
            for (int from = 0; from < all.size(); from += 2_000) {
                String text = String.join(" ", all.subList(from, Math.min(all.size(), from + 2_000)));
                assertThat(Analysis.terms(Language.FRENCH, text)).isEqualTo(snowball(Analysis.fold(text)));
            }
        }
    }

    /** The French stems of words already folded, by Snowball's own filter. */
    private static List<String> snowball(String foldedText) throws IOException {
        List<String> stems = new ArrayList<>();
        WhitespaceTokenizer words = new WhitespaceTokenizer();
        words.setReader(new java.io.StringReader(foldedText));
        try (TokenStream stream = new SnowballFilter(words, new FrenchStemmer())) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                stems.add(term.toString());
            }
            stream.end();
        }
        return stems;
    }
}
