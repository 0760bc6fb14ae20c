package org.tribune.donation;

/** What happens to donations that other features react to. */
public final class DonationEvents {
    private DonationEvents() {
    }

    /** A payment was confirmed (first payment, renewal or offline gift); {@code accountId} is null for a gift without account. */
    public record DonationConfirmed(long donationId, Long accountId) {
    }
}
