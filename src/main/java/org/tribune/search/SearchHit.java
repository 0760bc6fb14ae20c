package org.tribune.search;

import java.time.Instant;

/**
 * One result, the same for every engine and every kind: where it leads, its title and a snippet as safe HTML (text
 * escaped, matched words in {@code <mark>}: see {@link Highlights}), and a plain line of context (who wrote it and
 * where, a group's member count, a person's handle), which templates escape as any text.
 *
 * @param type post, comment, group or person
 * @param filteredBy the reader's WARN word filter this hit matched (folded behind it), or null
 */
public record SearchHit(String type, long id, String url, String title, String titleHtml, String snippetHtml,
        String context, Instant createdAt, String filteredBy) {
    SearchHit(String type, long id, String url, String title, String titleHtml, String snippetHtml, String context,
            Instant createdAt) {
        this(type, id, url, title, titleHtml, snippetHtml, context, createdAt, null);
    }
}
