package org.tribune.source;

import java.time.Instant;

/** A domain's page as stored: {@code label} is the accepted revision's label code, null when it has none. */
public record SourcePage(long id, String domain, String label, Instant createdAt, Instant labelledAt) {
}
