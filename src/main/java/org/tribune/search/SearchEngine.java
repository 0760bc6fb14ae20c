package org.tribune.search;

import java.util.Collection;
import java.util.List;

/**
 * What answers queries: PostgreSQL's full-text search over {@code search_document} itself, or a Lucene index built
 * from it on the embedded H2 default. Both read the same query language ({@link Criteria}) and return the same
 * hits; the documents' text for showing comes from the table in both cases.
 */
interface SearchEngine {
    /**
     * A hit: which document, its relevance score (0 when ordered by recency), and its time (epoch microseconds of
     * {@code created_at}, which places it in the recency order and in the window of candidates).
     */
    record Hit(SearchDocument.Key key, float score, long time) {
    }

    /**
     * Up to {@code limit} hits after {@code after} (null: from the first). By relevance, only the newest
     * {@link Criteria#window()} matches (by time, then id, descending) are ranked, so the cost is bounded whatever
     * the words' frequency; by recency, simply the newest first.
     */
    List<Hit> find(Criteria criteria, Cursor after, int limit);

    /** These documents were written to the table and committed. */
    void written(Collection<SearchDocument> documents);

    /** These documents were removed from the table and committed. */
    void removed(Collection<SearchDocument.Key> keys);

    /** A short name for administrators and the docs. */
    String name();
}
