package org.tribune.donation;

import java.time.Instant;

/** One donation: a one-time gift or a subscription, with how it was paid. */
public record Donation(long id, Long accountId, long amount, String currency, DonationInterval interval,
        DonationStatus status, String method, boolean test, String subscription, String checkoutUrl, String donorName,
        String note, Instant createdAt, Instant failedAt, Instant cancelledAt) {

    public Money money() {
        return new Money(amount, currency);
    }

    public boolean cancellable() {
        return interval.recurring() && !status.isFinal();
    }
}
