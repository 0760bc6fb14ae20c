package org.tribune.donation;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;

/** Stripe Checkout through the official SDK. Not called by tests: they have no network. */
class StripeProvider implements PaymentProvider {
    private final StripeClient stripe;
    private final String baseUrl;

    StripeProvider(String secretKey, String baseUrl) {
        this.stripe = new StripeClient(secretKey);
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean offline() {
        return false;
    }

    @Override
    public String checkout(Donation donation, String donorEmail) {
        String id = Long.toString(donation.id());
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency(donation.currency().toLowerCase(java.util.Locale.ROOT))
                .setUnitAmount(donation.amount())
                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName("Donation to Tribune").build());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setClientReferenceId(id)
                .putMetadata("donation_id", id)
                .setCustomerEmail(donorEmail)
                .setSuccessUrl(baseUrl + "/donate/" + id + "?paid")
                .setCancelUrl(baseUrl + "/donate/" + id);
        if (donation.interval().recurring()) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(donation.interval() == DonationInterval.MONTHLY
                            ? SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH
                            : SessionCreateParams.LineItem.PriceData.Recurring.Interval.YEAR)
                    .build());
            params.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                    .setSubscriptionData(SessionCreateParams.SubscriptionData.builder().putMetadata("donation_id", id).build());
        } else {
            params.setMode(SessionCreateParams.Mode.PAYMENT)
                    .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putMetadata("donation_id", id).build());
        }
        params.addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L).setPriceData(price.build()).build());
        try {
            // Stripe's own idempotency: a retried call for this donation gets the same session.
            return stripe.v1().checkout().sessions()
                    .create(params.build(), RequestOptions.builder().setIdempotencyKey("donation-" + id).build()).getUrl();
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe refused a checkout session: " + e.getMessage(), e);
        }
    }

    @Override
    public void cancel(String subscription) {
        try {
            stripe.v1().subscriptions().cancel(subscription);
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe refused to cancel " + subscription + ": " + e.getMessage(), e);
        }
    }
}
