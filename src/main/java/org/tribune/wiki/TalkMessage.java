package org.tribune.wiki;

import java.time.Instant;

/** A message on a document's talk page. */
public record TalkMessage(long id, Document document, long authorId, String body, String bodyHtml, Instant createdAt) {
}
