package org.tribune.account;

import java.time.Instant;

/** One administrator action on an account. */
public record AuditEntry(long id, String actorHandle, String subjectHandle, String action, String detail, Instant at) {
}
