package org.tribune.admission;

import java.time.Instant;

/** An invitation link as its inviter may know it: never the invitee's address, and the token only as a hash. */
public record Invitation(long id, long inviterId, Instant createdAt, Instant expiresAt, Long usedBy, Instant usedAt,
        Instant revokedAt) {

    /** Where a link stands. */
    public enum Status { UNUSED, USED, EXPIRED, REVOKED }

    public Status status(Instant now) {
        if (usedBy != null) {
            return Status.USED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.UNUSED : Status.EXPIRED;
    }
}
