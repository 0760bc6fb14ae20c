package org.tribune.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lucene index of {@code search_document}. Each document's title and body are analysed in its language only
 * ({@code title_fr}/{@code body_fr} or {@code title_en}/{@code body_en}, as PostgreSQL's tsvector is) and each term
 * of a query is looked for in both, as PostgreSQL ORs the French and English tsqueries; names by the start of their
 * folded words. The index is kept sorted newest first, so that the newest matches of common words are found without
 * reading the older ones.
 *
 * <p>On the embedded H2 default ({@link #forOneNode}) it follows the table after each commit and is rebuilt from it at
 * start when it was not closed cleanly, belongs to another database, or holds another number of documents than the
 * table (a database restored from a backup): the table, written in the transactions that change things, is what is
 * durable. On PostgreSQL every node has one ({@link #following}), kept in step by {@link FollowingSearch} from the
 * log of changes; its commits record the position in that log up to which they hold every change (a text the
 * follower reads).
 */
class LuceneSearch implements SearchEngine, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LuceneSearch.class);
    private static final float TITLE_BOOST = 2.5f;
    private static final String CLEAN = "clean";
    private static final String DATABASE = "database";
    private static final String POSITION = "position";
    /**
     * The layout of the documents: an index of another one is built again (3: sorted newest first; 4: each hit's kind
     * in doc values, so that a page's hits are named without reading their stored fields; 5: the starts of names'
     * words indexed as words of their own).
     */
    private static final String FORMAT = "format";
    private static final String CURRENT_FORMAT = "5";
    /**
     * The longest start of a name's word indexed as a word: a query word up to this long is one term to look up,
     * where a prefix query would gather every word that starts like it into a bit set of the whole index (for two
     * letters, thousands of words; as many bits as documents, on every suggestion).
     */
    static final int NAME_START = 16;
    private static final int PAGE = 1000;
    /** Newest first, as on PostgreSQL: by time, then id. Also the order of the index itself. */
    private static final Sort RECENCY = new Sort(new SortField("time", SortField.Type.LONG, true),
            new SortField("order", SortField.Type.LONG, true));
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String token;
    private final boolean reused;
    private volatile boolean changed;
    /** Writes so far, and how many of them the searchers were opened after. */
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong visible = new AtomicLong();
    /** Up to where the log of changes is applied (following an index on PostgreSQL); null when not known. */
    private volatile String position;
    /**
     * While the index is built from the table, what this node wrote meanwhile is newer than the page the build may
     * have read before it: the build leaves those documents as written. Writes take the lock alone, pages share it.
     */
    private final ReadWriteLock building = new ReentrantReadWriteLock();
    private volatile Set<String> writtenWhileBuilding;

    private LuceneSearch(Path path, String databaseToken, Predicate<Map<String, String>> reusable) {
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            this.token = databaseToken;
            Map<String, String> last = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData() : null;
            this.reused = last != null && token.equals(last.get(DATABASE)) && CURRENT_FORMAT.equals(last.get(FORMAT))
                    && reusable.test(last);
            IndexWriterConfig config = new IndexWriterConfig(analyzer());
            config.setOpenMode(reused ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
            config.setIndexSort(RECENCY);
            this.writer = new IndexWriter(directory, config);
            this.position = reused && last.containsKey(POSITION) ? last.get(POSITION) : null;
            writer.setLiveCommitData(commitData(false));
            writer.commit();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index at " + path + " cannot be opened", e);
        }
    }

    /** The index of the only node, on H2: built from the table now unless the one on disk can be used as it is. */
    static LuceneSearch forOneNode(Path path, String databaseToken, SearchDocuments documents) {
        long count = documents.count();
        LuceneSearch index = new LuceneSearch(path, databaseToken, data -> "true".equals(data.get(CLEAN)));
        if (index.reused && index.count() != count) {
            // a database put back from a backup has the same name but other documents: most often another count
            index.close();
            index = new LuceneSearch(path, databaseToken, data -> false);
        }
        if (!index.reused) {
            index.build(documents);
        }
        return index;
    }

    /**
     * This node's index on PostgreSQL: the one on disk when its position is one from which the log still holds every
     * change ({@code kept}), else an empty one for {@link #build} (then {@link #position()} is null).
     */
    static LuceneSearch following(Path path, String databaseToken, Predicate<String> kept) {
        return new LuceneSearch(path, databaseToken, data -> data.get(POSITION) != null && kept.test(data.get(POSITION)));
    }

    @Override
    public String name() {
        return "Lucene";
    }

    /** Empties the index, to build it again: its position is forgotten. */
    void clear() {
        building.writeLock().lock();
        try {
            writer.deleteAll();
            position = null;
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            building.writeLock().unlock();
        }
    }

    /** Up to where the log of changes is applied (null: not known, the index must be built). */
    String position() {
        return position;
    }

    /** Every change up to {@code position} is applied: written with the next commit. */
    void position(String position) {
        this.position = position;
        changed = true;
    }

    private int count() {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Iterable<Map.Entry<String, String>> commitData(boolean clean) {
        Map<String, String> data = new java.util.HashMap<>(Map.of(DATABASE, token, CLEAN, String.valueOf(clean),
                FORMAT, CURRENT_FORMAT));
        String at = position;
        if (at != null) {
            data.put(POSITION, at);
        }
        return data.entrySet();
    }

    /**
     * Adds every document of the table, on as many threads as {@code threads} (the analysis of the texts is the cost),
     * then commits. Documents this node writes meanwhile are kept as written.
     */
    void build(SearchDocuments documents) {
        build(documents, 1);
    }

    void build(SearchDocuments documents, int threads) {
        long started = System.nanoTime();
        writtenWhileBuilding = ConcurrentHashMap.newKeySet();
        AtomicLong count = new AtomicLong();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("search-node-build-", 1).daemon().factory());
        java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(2 * threads);
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            String kind = "";
            long id = Long.MIN_VALUE;
            for (List<SearchDocument> page = documents.after(kind, id, PAGE); !page.isEmpty() && failure.get() == null;
                    page = documents.after(kind, id, PAGE)) {
                List<SearchDocument> added = page;
                room.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        add(added);
                        count.addAndGet(added.size());
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        room.release();
                    }
                });
                SearchDocument last = page.getLast();
                kind = last.kind().code();
                id = last.id();
            }
            pool.shutdown();
            if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS)) {
                throw new IllegalStateException("the search index still being built after an hour");
            }
            if (failure.get() != null) {
                throw new IllegalStateException("the search index could not be built", failure.get());
            }
            // One segment, sorted newest first as a whole: a search reads its newest matches once, where each of the
            // segments the build flushed (each a mix of every age) would give its own newest ones.
            long merging = System.nanoTime();
            writer.forceMerge(1);
            log.info("Search index merged into one segment in {} ms", (System.nanoTime() - merging) / 1_000_000);
            changed = true;
            commit();
            searchers.maybeRefreshBlocking();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the search index", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
            writtenWhileBuilding = null;
        }
        log.info("Search index built from {} documents in {} ms", count.get(), (System.nanoTime() - started) / 1_000_000);
    }

    private void add(List<SearchDocument> page) throws IOException {
        building.readLock().lock();
        try {
            Set<String> written = writtenWhileBuilding;
            for (SearchDocument document : page) {
                if (written == null || !written.contains(document.key().text())) {
                    writer.addDocument(document(document));
                }
            }
        } finally {
            building.readLock().unlock();
        }
    }

    /** Every start of each (already folded) word of a name, from its first letter to {@link #NAME_START} letters. */
    private static final Analyzer NAME_STARTS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            WhitespaceTokenizer words = new WhitespaceTokenizer();
            return new TokenStreamComponents(words, new EdgeNGramTokenFilter(words, 1, NAME_START, true));
        }
    };

    private static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(), Map.of("title_fr", Analysis.FRENCH,
                "body_fr", Analysis.FRENCH, "title_en", Analysis.ENGLISH, "body_en", Analysis.ENGLISH,
                "name_starts", NAME_STARTS));
    }

    private static Document document(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField("key", d.key().text(), Field.Store.NO));
        doc.add(new StringField("kind", d.kind().code(), Field.Store.YES));
        doc.add(new StoredField("id", d.id()));
        doc.add(new StoredField("time", Cursor.micros(d.createdAt())));
        doc.add(new NumericDocValuesField("order", d.id()));
        doc.add(new NumericDocValuesField("kind_no", d.kind().ordinal()));
        doc.add(new NumericDocValuesField("time", Cursor.micros(d.createdAt())));
        if (d.groupId() != null) {
            doc.add(new LongField("group", d.groupId(), Field.Store.NO));
        }
        if (d.authorId() != null) {
            doc.add(new LongField("author", d.authorId(), Field.Store.NO));
        }
        doc.add(new StringField("restricted", d.restricted() ? "1" : "0", Field.Store.NO));
        doc.add(new StringField("link", d.hasLink() ? "1" : "0", Field.Store.NO));
        doc.add(new LongField("created", d.createdAt().toEpochMilli(), Field.Store.NO));
        doc.add(new LongField("generation", d.generation(), Field.Store.NO));
        String suffix = d.language() == Language.FRENCH ? "_fr" : "_en";
        doc.add(new TextField("title" + suffix, d.title(), Field.Store.NO));
        doc.add(new TextField("body" + suffix, d.body(), Field.Store.NO));
        doc.add(new TextField("names", d.nameWords(), Field.Store.NO));
        doc.add(new TextField("name_starts", d.nameWords(), Field.Store.NO));
        return doc;
    }

    @Override
    public void written(Collection<SearchDocument> documents) {
        building.writeLock().lock();
        try {
            Set<String> written = writtenWhileBuilding;
            for (SearchDocument d : documents) {
                writer.updateDocument(new Term("key", d.key().text()), document(d));
                if (written != null) {
                    written.add(d.key().text());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            building.writeLock().unlock();
        }
        changed();
    }

    @Override
    public void removed(Collection<SearchDocument.Key> keys) {
        building.writeLock().lock();
        try {
            Set<String> written = writtenWhileBuilding;
            for (SearchDocument.Key key : keys) {
                writer.deleteDocuments(new Term("key", key.text()));
                if (written != null) {
                    written.add(key.text());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            building.writeLock().unlock();
        }
        changed();
    }

    /** Something was written: the next search opens the index again, and the next commit writes it to disk. */
    private void changed() {
        changed = true;
        writes.incrementAndGet();
    }

    /**
     * Makes the changes visible to this search if there are any (a reader sees what it wrote, as on PostgreSQL). Done
     * by the next search rather than by each write: a node that writes many posts a second between two searches
     * opens its index once, not once a post.
     */
    private void refreshIfChanged() throws IOException {
        long written = writes.get();
        if (visible.get() < written) {
            // opens the index after this point (waiting for a refresh in progress, then refreshing): every write
            // counted in "written" is seen
            searchers.maybeRefreshBlocking();
            visible.accumulateAndGet(written, Math::max);
        }
    }

    /** Writes changes to disk (called every few seconds): a crash loses nothing the table does not hold. */
    synchronized void commit() {
        if (!changed) {
            return;
        }
        changed = false;
        try {
            writer.setLiveCommitData(commitData(false));
            writer.commit();
        } catch (IOException e) {
            changed = true;
            log.warn("Could not commit the search index: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.setLiveCommitData(commitData(true));
            writer.commit();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Hit> find(Criteria c, Cursor after, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        BooleanQuery.Builder kinds = new BooleanQuery.Builder();
        c.type().kinds.forEach(k -> kinds.add(new TermQuery(new Term("kind", k.code())), Occur.SHOULD));
        query.add(kinds.build(), Occur.FILTER);
        boolean anyText = false;
        for (SearchQuery.Term term : c.terms()) {
            Query match = match(term, c.type().byName());
            if (match != null) {
                query.add(match, Occur.MUST);
                anyText = true;
            }
        }
        if (!anyText) {
            query.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        if (c.type() != SearchType.PEOPLE) {
            BooleanQuery.Builder readable = new BooleanQuery.Builder();
            readable.add(new TermQuery(new Term("restricted", "0")), Occur.SHOULD);
            if (!c.readableGroups().isEmpty()) {
                // Checked on the documents the words find, from doc values: the index of points would gather every
                // document of the reader's groups into a set as large as the index, on every search.
                readable.add(SortedNumericDocValuesField.newSlowSetQuery("group",
                        c.readableGroups().stream().mapToLong(Long::longValue).toArray()), Occur.SHOULD);
            }
            query.add(readable.build(), Occur.FILTER);
        }
        if (c.type() != SearchType.GROUPS && !c.excludedAuthors().isEmpty()) {
            query.add(SortedNumericDocValuesField.newSlowSetQuery("author",
                    c.excludedAuthors().stream().mapToLong(Long::longValue).toArray()), Occur.MUST_NOT);
        }
        if (c.group() != null) {
            query.add(LongField.newExactQuery("group", c.group()), Occur.FILTER);
        }
        if (c.author() != null) {
            query.add(LongField.newExactQuery("author", c.author()), Occur.FILTER);
        }
        if (c.hasLink()) {
            query.add(new TermQuery(new Term("link", "1")), Occur.FILTER);
        }
        if (c.before() != null || c.after() != null) {
            long from = c.after() == null ? Long.MIN_VALUE : c.after().toEpochMilli();
            long to = c.before() == null ? Long.MAX_VALUE : c.before().toEpochMilli() - 1;
            query.add(LongField.newRangeQuery("created", from, to), Occur.FILTER);
        }
        boolean recency = c.byRecency() || !anyText;
        try {
            refreshIfChanged();
            IndexSearcher searcher = searchers.acquire();
            try {
                int last = searcher.getIndexReader().maxDoc() - 1;
                if (last < 0) {
                    return List.of();
                }
                if (recency) {
                    // Ids are unique, so the sort values alone place the cursor; the last doc number keeps the
                    // cursor's own document (same values) out of the next page.
                    FieldDoc start = after == null ? null : new FieldDoc(last, Float.NaN, new Object[] {after.time(), after.id()});
                    TopFieldDocs top = searcher.searchAfter(start, query.build(), limit, RECENCY, false);
                    return hits(searcher, top.scoreDocs, false);
                }
                // Relevance among the newest window of matches, as on PostgreSQL: the same candidates, then ranked.
                List<NewestMatches.Match> window = searcher.search(query.build(), new NewestMatches(c.window()));
                return hits(searcher, RelevancePage.of(window, after, limit), true);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The hits of these Lucene documents, with their kind, id and time read from doc values (a stored field costs the
     * decompression of a whole block for each hit).
     */
    private static List<Hit> hits(IndexSearcher searcher, ScoreDoc[] found, boolean scored) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Hit[] hits = new Hit[found.length];
        Integer[] byDoc = new Integer[found.length];
        for (int i = 0; i < found.length; i++) {
            byDoc[i] = i;
        }
        // doc values are read forwards: the hits in the order of their documents, then put back in place
        java.util.Arrays.sort(byDoc, Comparator.comparingInt(i -> found[i].doc));
        LeafReaderContext leaf = null;
        NumericDocValues kinds = null;
        NumericDocValues ids = null;
        NumericDocValues times = null;
        SearchDocument.Kind[] kindOf = SearchDocument.Kind.values();
        for (int i : byDoc) {
            ScoreDoc one = found[i];
            if (leaf == null || one.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(one.doc, leaves));
                kinds = DocValues.getNumeric(leaf.reader(), "kind_no");
                ids = DocValues.getNumeric(leaf.reader(), "order");
                times = DocValues.getNumeric(leaf.reader(), "time");
            }
            int doc = one.doc - leaf.docBase;
            if (!kinds.advanceExact(doc) || !ids.advanceExact(doc) || !times.advanceExact(doc)) {
                throw new IllegalStateException("a search document without its kind, id or time");
            }
            hits[i] = new Hit(new SearchDocument.Key(kindOf[(int) kinds.longValue()], ids.longValue()),
                    scored ? one.score : 0f, times.longValue());
        }
        return List.of(hits);
    }

    /** A term in either language's analysis, in title (weighted up) or body; for names also by their words' start. */
    private static Query match(SearchQuery.Term term, boolean byName) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        boolean any = false;
        for (Language language : Language.values()) {
            // analysed once for the language, then asked of both its fields
            List<String> words = Analysis.terms(language, term.text());
            if (words.isEmpty()) {
                continue;
            }
            String suffix = language == Language.FRENCH ? "_fr" : "_en";
            for (String field : List.of("title", "body")) {
                Query q = allOf(field + suffix, words, term, language);
                either.add(field.equals("title") ? new BoostQuery(q, TITLE_BOOST) : q, Occur.SHOULD);
                any = true;
            }
        }
        if (byName) {
            String words = Analysis.nameWords(term.text());
            if (!words.isEmpty()) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                for (String word : words.split(" ")) {
                    // scored as the prefix query is (a constant), so that the ranking stays the same
                    all.add(word.length() <= NAME_START ? new ConstantScoreQuery(new TermQuery(new Term("name_starts", word)))
                            : new PrefixQuery(new Term("names", word)), Occur.MUST);
                }
                either.add(all.build(), Occur.SHOULD);
                any = true;
            }
        }
        return any ? either.build() : null;
    }

    /** Every word in {@code field}; for a phrase of several, in this order, one after the other. */
    private static Query allOf(String field, List<String> words, SearchQuery.Term term, Language language) {
        if (words.size() == 1) {
            return new TermQuery(new Term(field, words.getFirst()));
        }
        if (term.phrase()) {
            // analysed again by Lucene's builder, which places each word where the analysis put it (a stop word
            // left out keeps its place)
            return new QueryBuilder(Analysis.of(language)).createPhraseQuery(field, term.text());
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        words.forEach(word -> all.add(new TermQuery(new Term(field, word)), Occur.MUST));
        return all.build();
    }
}
