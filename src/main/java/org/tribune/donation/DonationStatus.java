package org.tribune.donation;

/** Where a donation stands. PAID is a paid one-time gift; ACTIVE a subscription whose payments go through. */
public enum DonationStatus {
    PENDING, PAID, ACTIVE, FAILED, REFUNDED, CANCELLED;

    /** Cancelled and refunded donations stay so, whatever late events say. */
    boolean isFinal() {
        return this == REFUNDED || this == CANCELLED;
    }
}
