package org.tribune.search;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes documents to the table, in the caller's transaction, and tells the engine once that transaction has
 * committed (the Lucene engine then updates its index; PostgreSQL's index is the table). Each document is written
 * with the current build's generation, read from the database so that a rebuild running on another node never
 * removes it at its end.
 */
@Component
class SearchIndex {
    private final SearchDocuments documents;
    private final IndexBuilds builds;
    private final SearchEngine engine;

    SearchIndex(SearchDocuments documents, IndexBuilds builds, SearchEngine engine) {
        this.documents = documents;
        this.builds = builds;
        this.engine = engine;
    }

    void put(SearchDocument document) {
        putAll(List.of(document));
    }

    void putAll(Collection<SearchDocument> list) {
        if (list.isEmpty()) {
            return;
        }
        long generation = builds.generation();
        List<SearchDocument> written = list.stream().map(d -> d.withGeneration(generation)).toList();
        documents.putAll(written);
        afterCommit(() -> engine.written(written));
    }

    void remove(Collection<SearchDocument.Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        documents.removeAll(keys);
        List<SearchDocument.Key> removed = List.copyOf(keys);
        afterCommit(() -> engine.removed(removed));
    }

    /** A group's posts and comments become members-only (or open to all) with their group. */
    void restrictPostsOf(long groupId, boolean restricted) {
        documents.restrictPostsOf(groupId, restricted);
        List<SearchDocument> changed = documents.ofGroup(groupId);
        afterCommit(() -> engine.written(changed));
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
