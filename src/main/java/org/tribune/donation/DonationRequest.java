package org.tribune.donation;

import org.tribune.platform.InvalidInput;

/** A checked request to donate: amount in minor units, an accepted currency, an interval. */
record DonationRequest(long amount, String currency, DonationInterval interval) {

    /** {@code amount} in minor units, as the API takes it. */
    static DonationRequest check(String amount, String currency, String interval, String key) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        long minor = 0;
        try {
            minor = amount == null ? 0 : Long.parseLong(amount.strip());
        } catch (NumberFormatException e) {
            minor = 0;
        }
        if (minor < 100 || minor > Money.MAX_MINOR) {
            problems.add("amount", "donation.amount.invalid");
        }
        if (!Money.accepted(currency)) {
            problems.add("currency", "donation.currency.invalid");
        }
        DonationInterval parsed = null;
        try {
            parsed = interval == null ? null : DonationInterval.valueOf(interval);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null) {
            problems.add("interval", "donation.interval.invalid");
        }
        if (key != null && key.length() > DonationService.KEY_MAX) {
            problems.add("idempotencyKey", "donation.key.too-long");
        }
        problems.throwIfAny();
        return new DonationRequest(minor, currency, parsed);
    }

    /** The same request always reads the same, so its hash tells a repeat from another request under one key. */
    String canonical() {
        return amount + "|" + currency + "|" + interval.name();
    }
}
