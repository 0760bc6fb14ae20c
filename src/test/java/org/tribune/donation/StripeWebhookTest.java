package org.tribune.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;

@IntegrationTest
class StripeWebhookTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    DonationService service;
    @Autowired
    Donations donations;
    @Autowired
    StripeEvents events;
    @Autowired
    WebhookSecret secret;

    StripeDeliveries stripe;

    @BeforeEach
    void deliveries() {
        stripe = new StripeDeliveries(port, secret.value());
    }

    Donation pending(Account donor, String interval, long amount, String currency) {
        DonationService.Started started = service.start(donor, Long.toString(amount), currency, interval,
                StripeDeliveries.newId("key"));
        return donations.byId(started.id()).orElseThrow();
    }

    Donation reload(Donation donation) {
        return donations.byId(donation.id()).orElseThrow();
    }

    @Test
    void aSignedCheckoutConfirmsTheDonationAndSendsOneReceipt() {
        Account ana = members.active("ana");
        Donation donation = pending(ana, "ONE_TIME", 2500, "EUR");
        String intent = StripeDeliveries.newId("pi");

        WebClient.Response answer = stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"),
                "checkout.session.completed", StripeDeliveries.oneTimeCheckout(donation.id(), 2500, "EUR", intent)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.PAID);
        assertThat(donations.payments(donation.id())).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(2500);
            assertThat(p.currency()).isEqualTo("EUR");
            assertThat(p.live()).isTrue();
        });
        TestMail.Mail receipt = TestMail.await(ana.email(), 2); // the first is the verification mail
        assertThat(receipt.subject()).contains("receipt").contains("25.00");
    }

    @Test
    void aForgedSignatureIsRefusedAndChangesNothing() {
        Account ana = members.active("ana");
        Donation donation = pending(ana, "ONE_TIME", 1300, "USD");
        String eventId = StripeDeliveries.newId("evt");
        String payload = StripeDeliveries.event(eventId, "checkout.session.completed",
                StripeDeliveries.oneTimeCheckout(donation.id(), 1300, "USD", StripeDeliveries.newId("pi")));
        StripeDeliveries forger = new StripeDeliveries(port, "whsec_not_the_secret");

        WebClient.Response forged = forger.deliver(payload);
        WebClient.Response unsigned = new WebClient(port).sendJson("POST", "/webhooks/stripe", payload);
        // a valid signature of another body
        StripeDeliveries.Delivery other = stripe.signed(payload.replace("1300", "1"), Instant.now());
        WebClient.Response swapped = stripe.deliver(new StripeDeliveries.Delivery(payload, other.signature()));

        for (WebClient.Response refused : new WebClient.Response[] {forged, unsigned, swapped}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("donation.webhook.bad-signature");
        }
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.PENDING);
        assertThat(donations.payments(donation.id())).isEmpty();
        assertThat(events.applied(eventId)).isFalse();
    }

    @Test
    void aStaleSignatureIsRefusedAndChangesNothing() {
        Account ana = members.active("ana");
        Donation donation = pending(ana, "ONE_TIME", 1300, "USD");
        String payload = StripeDeliveries.event(StripeDeliveries.newId("evt"), "checkout.session.completed",
                StripeDeliveries.oneTimeCheckout(donation.id(), 1300, "USD", StripeDeliveries.newId("pi")));

        WebClient.Response stale = stripe.deliver(stripe.signed(payload, Instant.now().minusSeconds(301)));
        WebClient.Response future = stripe.deliver(stripe.signed(payload, Instant.now().plusSeconds(400)));

        assertThat(stale.status()).isEqualTo(400);
        assertThat(future.status()).isEqualTo(400);
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.PENDING);
        assertThat(donations.payments(donation.id())).isEmpty();
        // within the tolerance it is accepted
        assertThat(stripe.deliver(stripe.signed(payload, Instant.now().minusSeconds(240))).status()).isEqualTo(200);
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.PAID);
    }

    @Test
    void aReplayedEventChangesNothing() {
        Account ana = members.active("ana");
        Donation donation = pending(ana, "ONE_TIME", 1300, "USD");
        String payload = StripeDeliveries.event(StripeDeliveries.newId("evt"), "checkout.session.completed",
                StripeDeliveries.oneTimeCheckout(donation.id(), 1300, "USD", StripeDeliveries.newId("pi")));
        StripeDeliveries.Delivery delivery = stripe.signed(payload, Instant.now());

        assertThat(stripe.deliver(delivery).json().get("duplicate").asBoolean()).isFalse();
        TestMail.await(ana.email(), 2);
        WebClient.Response again = stripe.deliver(delivery);
        WebClient.Response resigned = stripe.deliver(payload);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(resigned.json().get("duplicate").asBoolean()).isTrue();
        assertThat(donations.payments(donation.id())).hasSize(1);
        sleep(1500);
        assertThat(TestMail.to(ana.email())).hasSize(2);
    }

    @Test
    void aRenewalBeforeItsCheckoutWaitsAndEndsActiveWithBothPayments() {
        Account ana = members.active("ana");
        Donation donation = pending(ana, "MONTHLY", 1300, "USD");
        String subscription = StripeDeliveries.newId("sub");
        String invoiceEvent = StripeDeliveries.newId("evt");

        stripe.deliver(StripeDeliveries.event(invoiceEvent, "invoice.paid", StripeDeliveries.invoice(subscription, 1300, "USD")));
        assertThat(events.applied(invoiceEvent)).isFalse();
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.PENDING);

        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "checkout.session.completed",
                StripeDeliveries.subscriptionCheckout(donation.id(), subscription)));
        assertThat(events.applied(invoiceEvent)).isTrue();
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.ACTIVE);
        assertThat(donations.payments(donation.id())).hasSize(1);

        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "invoice.paid", StripeDeliveries.invoice(subscription, 1300, "USD")));
        assertThat(donations.payments(donation.id())).hasSize(2);
        assertThat(reload(donation).subscription()).isEqualTo(subscription);
    }

    @Test
    void aRefundBeforeItsPaymentIsAppliedWhenThePaymentArrives() {
        Account ana = members.active("ana");
        Donation donation = pending(ana, "ONE_TIME", 5000, "GBP");
        String intent = StripeDeliveries.newId("pi");

        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "charge.refunded", StripeDeliveries.charge(intent, 5000, 5000)));
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.PENDING);

        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "checkout.session.completed",
                StripeDeliveries.oneTimeCheckout(donation.id(), 5000, "GBP", intent)));

        assertThat(reload(donation).status()).isEqualTo(DonationStatus.REFUNDED);
        assertThat(donations.payments(donation.id())).singleElement().satisfies(p -> assertThat(p.refunded()).isEqualTo(5000));
    }

    @Test
    void failuresAndCancellationsAreRecordedAndACancellationIsFinal() {
        Account ana = members.active("ana");
        Donation donation = pending(ana, "YEARLY", 10000, "USD");
        String subscription = StripeDeliveries.newId("sub");
        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "checkout.session.completed",
                StripeDeliveries.subscriptionCheckout(donation.id(), subscription)));
        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "invoice.paid", StripeDeliveries.invoice(subscription, 10000, "USD")));
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.ACTIVE);

        Map<String, Object> failed = StripeDeliveries.invoice(subscription, 0, "USD");
        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "invoice.payment_failed", failed));
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.FAILED);
        assertThat(reload(donation).failedAt()).isNotNull();

        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("id", subscription);
        deleted.put("object", "subscription");
        deleted.put("status", "canceled");
        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "customer.subscription.deleted", deleted));
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.CANCELLED);

        // a late renewal is still recorded as money received, but does not bring the donation back
        stripe.deliver(StripeDeliveries.event(StripeDeliveries.newId("evt"), "invoice.paid", StripeDeliveries.invoice(subscription, 10000, "USD")));
        assertThat(reload(donation).status()).isEqualTo(DonationStatus.CANCELLED);
        assertThat(donations.payments(donation.id())).hasSize(2);
    }

    @Test
    void eventsOfOtherKindsAreAcknowledgedAndIgnored() {
        String id = StripeDeliveries.newId("evt");
        WebClient.Response answer = stripe.deliver(StripeDeliveries.event(id, "customer.created", Map.of("id", "cus_1")));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(events.applied(id)).isTrue();
    }

    @Test
    void theWebhookTakesNoCsrfTokenAndNoSession() {
        WebClient.Response answer = new WebClient(port).get("/webhooks/stripe");
        assertThat(answer.status()).isIn(401, 403, 405);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
