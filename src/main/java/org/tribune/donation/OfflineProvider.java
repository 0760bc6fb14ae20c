package org.tribune.donation;

/** Without Stripe: the donor is sent to the test payment page, which signs its events locally. */
class OfflineProvider implements PaymentProvider {
    private final String baseUrl;

    OfflineProvider(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean offline() {
        return true;
    }

    @Override
    public String checkout(Donation donation, String donorEmail) {
        return baseUrl + "/donate/" + donation.id();
    }

    @Override
    public void cancel(String subscription) {
        // nothing runs elsewhere: the donation is marked cancelled by the caller
    }
}
