package org.tribune.donation;

/**
 * Where donors pay. Stripe when {@code tribune.stripe.secret-key} is set; otherwise the offline provider, whose
 * "checkout" is Tribune's own test payment page. Kept small so the rest is tested without the network.
 */
interface PaymentProvider {

    /** True for the offline mode: payments there are tests, not money. */
    boolean offline();

    /** Starts paying for a new donation and answers the address where the donor pays. */
    String checkout(Donation donation, String donorEmail);

    /** Stops the subscription of a monthly or yearly donation at the provider. */
    void cancel(String subscription);
}
