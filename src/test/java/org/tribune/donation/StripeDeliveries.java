package org.tribune.donation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.tribune.WebClient;

import tools.jackson.databind.json.JsonMapper;

/** Writes Stripe events as Stripe would, signs them, and delivers them to {@code POST /webhooks/stripe}. */
class StripeDeliveries {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime());

    private final WebClient http;
    private final String secret;

    StripeDeliveries(int port, String secret) {
        this.http = new WebClient(port);
        this.secret = secret;
    }

    record Delivery(String payload, String signature) {
    }

    static String newId(String prefix) {
        return prefix + "_" + COUNTER.incrementAndGet();
    }

    static String event(String id, String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("created", Instant.now().getEpochSecond());
        event.put("livemode", true);
        event.put("type", type);
        event.put("data", Map.of("object", object));
        return JSON.writeValueAsString(event);
    }

    Delivery signed(String payload, Instant at) {
        return new Delivery(payload, TestPayments.sign(secret, at.getEpochSecond(), payload));
    }

    WebClient.Response deliver(Delivery delivery) {
        return http.sendJson("POST", "/webhooks/stripe", delivery.payload(), "Stripe-Signature", delivery.signature());
    }

    WebClient.Response deliver(String payload) {
        return deliver(signed(payload, Instant.now()));
    }

    static Map<String, Object> oneTimeCheckout(long donationId, long amount, String currency, String paymentIntent) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", newId("cs"));
        session.put("object", "checkout.session");
        session.put("mode", "payment");
        session.put("client_reference_id", Long.toString(donationId));
        session.put("metadata", Map.of("donation_id", Long.toString(donationId)));
        session.put("payment_status", "paid");
        session.put("payment_intent", paymentIntent);
        session.put("amount_total", amount);
        session.put("currency", currency.toLowerCase());
        return session;
    }

    static Map<String, Object> subscriptionCheckout(long donationId, String subscription) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", newId("cs"));
        session.put("object", "checkout.session");
        session.put("mode", "subscription");
        session.put("client_reference_id", Long.toString(donationId));
        session.put("metadata", Map.of("donation_id", Long.toString(donationId)));
        session.put("payment_status", "paid");
        session.put("subscription", subscription);
        return session;
    }

    /** An invoice that names only its subscription, without metadata: it can only be matched after the checkout. */
    static Map<String, Object> invoice(String subscription, long amount, String currency) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", newId("in"));
        invoice.put("object", "invoice");
        invoice.put("subscription", subscription);
        invoice.put("amount_paid", amount);
        invoice.put("currency", currency.toLowerCase());
        invoice.put("payment_intent", newId("pi"));
        return invoice;
    }

    static Map<String, Object> charge(String paymentIntent, long amount, long refunded) {
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", newId("ch"));
        charge.put("object", "charge");
        charge.put("payment_intent", paymentIntent);
        charge.put("amount", amount);
        charge.put("amount_refunded", refunded);
        charge.put("refunded", refunded >= amount);
        return charge;
    }
}
