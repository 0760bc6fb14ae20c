package org.tribune.account;

import java.time.Instant;

/** A personal access token as its owner sees it; the secret itself is shown once and never stored. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt) {
}
