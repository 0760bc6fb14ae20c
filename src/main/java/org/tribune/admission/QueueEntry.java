package org.tribune.admission;

import java.time.Instant;

/** One account waiting to be admitted, with what decides its place. */
public record QueueEntry(long accountId, Instant verifiedAt, boolean donor, boolean invited) {

    /** Donors come first, then people with an accepted invitation, then everyone else. */
    int tier() {
        return donor ? 0 : invited ? 1 : 2;
    }

    /** Where the next page of the queue starts: after this entry. */
    String cursor() {
        return tier() + "_" + verifiedAt.toEpochMilli() + "_" + verifiedAt.getNano() + "_" + accountId;
    }
}
