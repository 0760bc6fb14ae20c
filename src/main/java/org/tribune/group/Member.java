package org.tribune.group;

import java.time.Instant;

/** A member as the member list shows them. */
public record Member(long accountId, String handle, String displayName, GroupRole role, Instant since) {
}
