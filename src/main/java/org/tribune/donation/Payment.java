package org.tribune.donation;

import java.time.Instant;

/** Money received for a donation: its first payment, a renewal, or an offline gift. A receipt. */
public record Payment(long id, long donationId, long amount, long refunded, String currency, boolean live, Instant paidAt) {
    public Money money() {
        return new Money(amount, currency);
    }

    public Money refundedMoney() {
        return new Money(refunded, currency);
    }
}
