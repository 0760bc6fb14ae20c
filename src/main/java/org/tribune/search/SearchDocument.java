package org.tribune.search;

import java.time.Instant;

/**
 * One thing that can be found, as both engines index it (a row of {@code search_document}, see V25_1 for what each
 * column means for each kind).
 */
record SearchDocument(Kind kind, long id, Long postId, Long groupId, Long authorId, boolean restricted,
        Language language, boolean hasLink, String title, String body, String nameWords, Instant createdAt,
        long generation) {

    /** What a document stands for. */
    enum Kind {
        POST, COMMENT, GROUP, PERSON;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The identity of a document: its kind and the id of what it stands for. */
    record Key(Kind kind, long id) {
        String text() {
            return kind.code() + ":" + id;
        }
    }

    Key key() {
        return new Key(kind, id);
    }

    SearchDocument withGeneration(long generation) {
        return new SearchDocument(kind, id, postId, groupId, authorId, restricted, language, hasLink, title, body,
                nameWords, createdAt, generation);
    }
}
