package org.tribune.donation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.platform.Ids;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook events: checked against the signing secret, applied once per event id in the transaction that
 * notes the id, in any order. An event that names something not known yet (a refund before its payment, a renewal
 * before its checkout) waits, and is applied as soon as what it needs arrives.
 */
@Service
class StripeWebhook {
    static final long TOLERANCE_SECONDS = 300;
    /**
     * How long an event may wait for what it refers to. Stripe delivers related events within minutes; one still
     * waiting after this (e.g. about a product of the same Stripe account that is not Tribune's) stops being retried,
     * so such events never crowd out newer ones.
     */
    static final java.time.Duration WAIT_AT_MOST = java.time.Duration.ofDays(3);
    private static final Logger log = LoggerFactory.getLogger(StripeWebhook.class);

    /** The signature is missing, wrong, or older than the tolerance. */
    static final class BadSignature extends RuntimeException {
        BadSignature(String message) {
            super(message);
        }
    }

    private final WebhookSecret secret;
    private final StripeEvents events;
    private final Donations donations;
    private final Receipts receipts;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeWebhook(WebhookSecret secret, StripeEvents events, Donations donations, Receipts receipts, Ids ids, Clock clock,
            TransactionTemplate tx) {
        this.secret = secret;
        this.events = events;
        this.donations = donations;
        this.receipts = receipts;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
    }

    /** Checks and applies one delivery; false when this event was received before (nothing changes). */
    boolean receive(String payload, String signature) {
        Event event = verify(payload, signature);
        if (event.getId() == null || event.getType() == null) {
            throw new BadSignature("event without id or type");
        }
        try {
            return Boolean.TRUE.equals(tx.execute(status -> handle(event.getId(), event.getType(), payload)));
        } catch (DuplicateKeyException concurrentDelivery) {
            return false;
        }
    }

    private Event verify(String payload, String signature) {
        if (payload == null || signature == null || signature.isBlank()) {
            throw new BadSignature("no signature");
        }
        try {
            Event event = Webhook.constructEvent(payload, signature, secret.value(), TOLERANCE_SECONDS, clock);
            // The SDK refuses old timestamps only; one from the future is as suspect as a stale one.
            if (timestamp(signature) > clock.instant().getEpochSecond() + TOLERANCE_SECONDS) {
                throw new BadSignature("timestamp in the future");
            }
            return event;
        } catch (SignatureVerificationException e) {
            throw new BadSignature(e.getMessage());
        } catch (RuntimeException unreadable) { // a signed body that is not an event
            throw new BadSignature("unreadable event");
        }
    }

    private static long timestamp(String signature) {
        for (String part : signature.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                return Long.parseLong(pair[1]);
            }
        }
        return Long.MAX_VALUE;
    }

    private boolean handle(String id, String type, String payload) {
        if (!events.insert(id, type, payload, clock.instant())) {
            return false;
        }
        if (apply(type, payload)) {
            events.claim(id);
            applyWaiting();
        } else {
            log.info("Stripe event {} ({}) waits for what it refers to", id, type);
        }
        return true;
    }

    /** Applies waiting events whose turn has come; several rounds, since one may unlock another. */
    private void applyWaiting() {
        boolean progress = true;
        for (int round = 0; progress && round < 5; round++) {
            progress = false;
            for (StripeEvents.Waiting waiting : events.waiting(clock.instant().minus(WAIT_AT_MOST), 100)) {
                if (events.claim(waiting.id())) {
                    if (apply(waiting.type(), waiting.payload())) {
                        progress = true;
                    } else {
                        events.release(waiting.id());
                    }
                }
            }
        }
    }

    /** Events whose partner was delivered in another transaction at the same moment get another chance here. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void retryWaiting() {
        tx.executeWithoutResult(status -> applyWaiting());
    }

    /** Applies an event; false if what it refers to is not known yet. */
    private boolean apply(String type, String payload) {
        JsonNode root = json.readTree(payload);
        JsonNode object = root.path("data").path("object");
        boolean live = root.path("livemode").asBoolean(false);
        Instant at = root.has("created") ? Instant.ofEpochSecond(root.path("created").asLong()) : clock.instant();
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> checkoutCompleted(object, live, at);
            case "invoice.paid", "invoice.payment_succeeded" -> invoicePaid(object, live, at);
            case "invoice.payment_failed" -> invoiceFailed(object, at);
            case "charge.refunded" -> refunded(object);
            case "customer.subscription.deleted" -> subscriptionDeleted(object, at);
            default -> true; // not ours to act on; noted so a replay is still ignored
        };
    }

    private boolean checkoutCompleted(JsonNode session, boolean live, Instant at) {
        Optional<Donation> found = byMetadata(session.path("metadata")).or(() -> donationId(text(session, "client_reference_id")));
        if (found.isEmpty()) {
            return false;
        }
        Donation donation = found.get();
        String subscription = text(session, "subscription");
        donations.attachCheckout(donation.id(), text(session, "id"), subscription);
        if ("subscription".equals(text(session, "mode"))) {
            if (donation.status() == DonationStatus.PENDING) {
                donations.advance(donation.id(), DonationStatus.ACTIVE);
            }
        } else if ("paid".equals(text(session, "payment_status"))) {
            String intent = text(session, "payment_intent");
            record(donation, intent != null ? intent : text(session, "id"), null, intent,
                    session.path("amount_total").asLong(donation.amount()), currency(session, donation), live, at);
        }
        return true;
    }

    private boolean invoicePaid(JsonNode invoice, boolean live, Instant at) {
        Optional<Donation> found = ofInvoice(invoice);
        if (found.isEmpty()) {
            return false;
        }
        Donation donation = found.get();
        donations.attachCheckout(donation.id(), null, subscriptionOf(invoice));
        long amount = invoice.path("amount_paid").asLong(donation.amount());
        if (amount > 0) {
            record(donation, text(invoice, "id"), text(invoice, "charge"), text(invoice, "payment_intent"), amount,
                    currency(invoice, donation), live, at);
        }
        return true;
    }

    private boolean invoiceFailed(JsonNode invoice, Instant at) {
        Optional<Donation> found = ofInvoice(invoice);
        if (found.isEmpty()) {
            return false;
        }
        Donation donation = found.get();
        // A failure older than the last payment (delivered late) is history, not the current state.
        boolean stale = donations.lastPaidAt(donation.id()).map(paid -> paid.isAfter(at)).orElse(false);
        if (!stale) {
            donations.markFailed(donation.id(), at);
        }
        return true;
    }

    private boolean refunded(JsonNode charge) {
        Optional<Payment> payment = donations.paymentOf(text(charge, "id"), text(charge, "payment_intent"));
        if (payment.isEmpty()) {
            return false;
        }
        long refunded = charge.path("amount_refunded").asLong(0);
        donations.setRefunded(payment.get().id(), refunded);
        Donation donation = donations.byId(payment.get().donationId()).orElseThrow();
        if (!donation.interval().recurring() && refunded >= payment.get().amount()) {
            donations.markRefunded(donation.id());
        }
        return true;
    }

    private boolean subscriptionDeleted(JsonNode subscription, Instant at) {
        String id = text(subscription, "id");
        Optional<Donation> found = (id == null ? Optional.<Donation>empty() : donations.bySubscription(id))
                .or(() -> byMetadata(subscription.path("metadata")));
        if (found.isEmpty()) {
            return false;
        }
        donations.attachCheckout(found.get().id(), null, id);
        donations.markCancelled(found.get().id(), at);
        return true;
    }

    /** A payment, recorded once whatever the number of events that report it; confirmed to the donor. */
    private void record(Donation donation, String reference, String charge, String intent, long amount, String currency,
            boolean live, Instant at) {
        if (reference == null) {
            return;
        }
        if (donations.insertPayment(ids.next(), donation.id(), reference, charge, intent, amount, currency, live, at)) {
            donations.advance(donation.id(), donation.interval().recurring() ? DonationStatus.ACTIVE : DonationStatus.PAID);
            receipts.confirmed(donation, new Money(amount, currency), at);
        }
    }

    private Optional<Donation> ofInvoice(JsonNode invoice) {
        String subscription = subscriptionOf(invoice);
        Optional<Donation> bySubscription = subscription == null ? Optional.empty() : donations.bySubscription(subscription);
        return bySubscription
                .or(() -> byMetadata(invoice.path("subscription_details").path("metadata")))
                .or(() -> byMetadata(invoice.path("parent").path("subscription_details").path("metadata")))
                .or(() -> byMetadata(invoice.path("metadata")));
    }

    /** Older API versions name the subscription on the invoice, newer ones under parent.subscription_details. */
    private static String subscriptionOf(JsonNode invoice) {
        String direct = text(invoice, "subscription");
        return direct != null ? direct : text(invoice.path("parent").path("subscription_details"), "subscription");
    }

    private Optional<Donation> byMetadata(JsonNode metadata) {
        return donationId(text(metadata, "donation_id"));
    }

    private Optional<Donation> donationId(String text) {
        if (text == null || !text.matches("\\d{1,19}")) {
            return Optional.empty();
        }
        return donations.byId(Long.parseLong(text));
    }

    private static String currency(JsonNode object, Donation donation) {
        String currency = text(object, "currency");
        return currency == null ? donation.currency() : currency.toUpperCase(java.util.Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || !value.isValueNode() ? null : value.asString();
    }
}
