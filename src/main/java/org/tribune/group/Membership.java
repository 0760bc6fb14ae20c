package org.tribune.group;

import java.time.Instant;

/** A member's standing in one group. */
public record Membership(long groupId, long accountId, GroupRole role, Instant since) {
    public boolean canModerate() {
        return role.canModerate();
    }
}
