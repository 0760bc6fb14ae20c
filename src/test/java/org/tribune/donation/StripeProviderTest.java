package org.tribune.donation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripeProviderTest {

    @Test
    void stripeIsUsedOnlyWhenItsSecretKeyIsSet() {
        PaymentConfiguration configuration = new PaymentConfiguration();
        PaymentProvider offline = configuration.paymentProvider("", "", new org.tribune.platform.SiteAddress("http://tribune.test/"));
        PaymentProvider stripe = configuration.paymentProvider("sk_test_123", "whsec_123", new org.tribune.platform.SiteAddress("http://tribune.test"));

        assertThat(offline).isInstanceOf(OfflineProvider.class);
        assertThat(offline.offline()).isTrue();
        assertThat(stripe).isInstanceOf(StripeProvider.class);
        assertThat(stripe.offline()).isFalse();
    }

    @Test
    void theOfflineCheckoutIsTribunesOwnTestPaymentPage() {
        Donation donation = new Donation(42, 7L, 1300, "USD", DonationInterval.MONTHLY, DonationStatus.PENDING, "CARD",
                true, null, null, null, null, java.time.Instant.now(), null, null);
        assertThat(new OfflineProvider("http://tribune.test").checkout(donation, "a@b.test")).isEqualTo("http://tribune.test/donate/42");
    }

    @Test
    void ourSignatureIsTheOneStripesSdkAccepts() throws Exception {
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"data\":{\"object\":{}}}";
        long now = java.time.Instant.now().getEpochSecond();
        String header = TestPayments.sign("whsec_abc", now, payload);
        assertThat(com.stripe.net.Webhook.constructEvent(payload, header, "whsec_abc").getId()).isEqualTo("evt_1");
    }
}
