package org.tribune.donation;

/** The donate form as shown: values as typed (amount in major units) and a fresh key against double submission. */
public record DonateForm(String amount, String currency, String interval, String key) {
}
