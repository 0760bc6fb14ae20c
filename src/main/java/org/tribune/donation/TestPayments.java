package org.tribune.donation;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.stripe.net.Webhook;

import org.springframework.stereotype.Component;
import org.tribune.platform.Ids;

import tools.jackson.databind.json.JsonMapper;

/**
 * The offline mode's stand-in for Stripe: writes the events Stripe would send for a paid checkout, signs them with
 * the local webhook secret, and hands them to the webhook handler exactly as a delivery over HTTP would be.
 */
@Component
class TestPayments {
    private final StripeWebhook webhook;
    private final WebhookSecret secret;
    private final Ids ids;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    TestPayments(StripeWebhook webhook, WebhookSecret secret, Ids ids, Clock clock) {
        this.webhook = webhook;
        this.secret = secret;
        this.ids = ids;
        this.clock = clock;
    }

    /** Pays a pending test donation: a completed checkout and, for a subscription, its first invoice. */
    void pay(Donation donation) {
        String id = Long.toString(donation.id());
        String currency = donation.currency().toLowerCase(Locale.ROOT);
        Map<String, Object> metadata = Map.of("donation_id", id);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", "cs_test_" + id);
        session.put("object", "checkout.session");
        session.put("client_reference_id", id);
        session.put("metadata", metadata);
        session.put("amount_total", donation.amount());
        session.put("currency", currency);
        session.put("payment_status", "paid");
        if (donation.interval().recurring()) {
            session.put("mode", "subscription");
            session.put("subscription", "sub_test_" + id);
        } else {
            session.put("mode", "payment");
            session.put("payment_intent", "pi_test_" + id);
        }
        deliver("checkout.session.completed", session);
        if (donation.interval().recurring()) {
            deliver("invoice.paid", invoice(donation, "subscription_create"));
        }
    }

    /** The next month's or year's payment of a running test subscription, as Stripe reports a renewal. */
    void renew(Donation donation) {
        deliver("invoice.paid", invoice(donation, "subscription_cycle"));
    }

    private Map<String, Object> invoice(Donation donation, String reason) {
        String id = Long.toString(donation.id());
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", "in_test_" + ids.next());
        invoice.put("object", "invoice");
        invoice.put("subscription", "sub_test_" + id);
        invoice.put("subscription_details", Map.of("metadata", Map.of("donation_id", id)));
        invoice.put("billing_reason", reason);
        invoice.put("amount_paid", donation.amount());
        invoice.put("currency", donation.currency().toLowerCase(Locale.ROOT));
        invoice.put("payment_intent", "pi_test_" + ids.next());
        return invoice;
    }

    private void deliver(String type, Map<String, Object> object) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_test_" + ids.next());
        event.put("object", "event");
        event.put("created", now);
        event.put("livemode", false);
        event.put("type", type);
        event.put("data", Map.of("object", object));
        String payload = json.writeValueAsString(event);
        webhook.receive(payload, sign(secret.value(), now, payload));
    }

    /** A {@code Stripe-Signature} header as Stripe writes it: HMAC-SHA256 over "timestamp.payload". */
    static String sign(String secret, long timestamp, String payload) {
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
