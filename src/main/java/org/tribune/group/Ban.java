package org.tribune.group;

import java.time.Instant;

/** Someone banned from a group: they cannot rejoin or see its private content. */
public record Ban(long accountId, String handle, String reason, Instant since) {
}
