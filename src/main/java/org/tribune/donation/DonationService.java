package org.tribune.donation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Role;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.SecretTokens;

import tools.jackson.databind.json.JsonMapper;

/**
 * Donations: starting one (once per Idempotency-Key), a donor's list and receipts, cancelling, the badge, offline
 * gifts recorded by treasurers, and test payments. A donation is seen only by its donor and by treasurers and admins.
 */
@Service
public class DonationService {
    static final int PAGE_SIZE = 50;
    static final int KEY_MAX = 255;

    /** What {@code POST /api/v1/donations} answers, stored with the donation so a repeated request gets it again. */
    record Started(long id, String status, String checkoutUrl) {
    }

    /** The Idempotency-Key was used before for another request. */
    static final class KeyReused extends RuntimeException {
        KeyReused() {
            super("Idempotency-Key used for another request");
        }
    }

    /** No Idempotency-Key. */
    static final class KeyMissing extends RuntimeException {
        KeyMissing() {
            super("Idempotency-Key required");
        }
    }

    private final Donations donations;
    private final PaymentProvider provider;
    private final TestPayments testPayments;
    private final Receipts receipts;
    private final AccountService accounts;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();

    DonationService(Donations donations, PaymentProvider provider, TestPayments testPayments, Receipts receipts,
            AccountService accounts, Ids ids, Clock clock, TransactionTemplate tx) {
        this.donations = donations;
        this.provider = provider;
        this.testPayments = testPayments;
        this.receipts = receipts;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
    }

    /** True without Stripe: payments are test payments and gifts come by bank transfer or cash. */
    public boolean offline() {
        return provider.offline();
    }

    static boolean isTreasurer(Account account) {
        return account != null && (account.role() == Role.TREASURER || account.role() == Role.ADMIN);
    }

    /**
     * Starts a donation, or answers again what the same key started. The unique (account, key) constraint decides
     * between concurrent requests: the losers wait for the winner's answer and return it.
     */
    Started start(Account donor, String amount, String currency, String interval, String key) {
        if (key == null || key.isBlank()) {
            throw new KeyMissing();
        }
        DonationRequest request = DonationRequest.check(amount, currency, interval, key);
        String hash = SecretTokens.hash(request.canonical());
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<Donations.Claimed> claimed = donations.claimed(donor.id(), key);
            if (claimed.isPresent()) {
                if (!claimed.get().requestHash().equals(hash)) {
                    throw new KeyReused();
                }
                if (claimed.get().response() != null) {
                    return json.readValue(claimed.get().response(), Started.class);
                }
            } else {
                try {
                    return tx.execute(status -> create(donor, request, key, hash));
                } catch (DuplicateKeyException | TransientDataAccessException lostTheRace) {
                    // another request with this key is creating it; read its answer on the next turn
                }
            }
            pause();
        }
        throw new Conflict("donation.busy");
    }

    private Started create(Account donor, DonationRequest request, String key, String hash) {
        Donation donation = new Donation(ids.next(), donor.id(), request.amount(), request.currency(), request.interval(),
                DonationStatus.PENDING, "CARD", provider.offline(), null, null, null, null, clock.instant(), null, null);
        donations.insert(donation, key, hash);
        // Inside the transaction: no other request with this key gets an answer before the checkout exists.
        String url = provider.checkout(donation, donor.email());
        Started started = new Started(donation.id(), donation.status().name(), url);
        donations.saveCheckout(donation.id(), url, json.writeValueAsString(started));
        return started;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One donation, for its donor or a treasurer; anyone else is told it does not exist. */
    public Donation get(Account reader, long id) {
        return donations.byId(id).filter(d -> isTreasurer(reader) || (reader != null && Long.valueOf(reader.id()).equals(d.accountId())))
                .orElseThrow(() -> new NotFound("donation"));
    }

    public List<Donation> mine(Account donor, Long before) {
        return donations.ofAccount(donor.id(), before == null ? Long.MAX_VALUE : before, PAGE_SIZE);
    }

    public List<Payment> payments(Account reader, long donationId) {
        return donations.payments(get(reader, donationId).id());
    }

    /** Every donation, for treasurers and admins. */
    public List<Donation> all(Account reader, Long before) {
        if (!isTreasurer(reader)) {
            throw new Forbidden("donation.treasurers-only");
        }
        return donations.newest(before == null ? Long.MAX_VALUE : before, PAGE_SIZE);
    }

    /** Stops a monthly or yearly donation; its payments stay. */
    public Donation cancel(Account donor, long id) {
        Donation donation = donations.byId(id).filter(d -> Long.valueOf(donor.id()).equals(d.accountId()))
                .orElseThrow(() -> new NotFound("donation"));
        if (!donation.cancellable()) {
            throw new Conflict("donation.not-cancellable");
        }
        if (donation.subscription() != null && !donation.test()) {
            provider.cancel(donation.subscription());
        }
        donations.markCancelled(id, clock.instant());
        return donations.byId(id).orElseThrow();
    }

    /** Walks a pending test donation through the webhook code, as Stripe would after a payment. */
    public void payTest(Account donor, long id) {
        Donation donation = donations.byId(id).filter(d -> Long.valueOf(donor.id()).equals(d.accountId()))
                .orElseThrow(() -> new NotFound("donation"));
        if (!donation.test()) {
            throw new Forbidden("donation.not-test");
        }
        if (donation.status() != DonationStatus.PENDING) {
            throw new Conflict("donation.already-paid");
        }
        testPayments.pay(donation);
    }

    /** Plays a renewal of a running monthly or yearly test donation, through the webhook code. */
    public void renewTest(Account donor, long id) {
        Donation donation = donations.byId(id).filter(d -> Long.valueOf(donor.id()).equals(d.accountId()))
                .orElseThrow(() -> new NotFound("donation"));
        if (!donation.test()) {
            throw new Forbidden("donation.not-test");
        }
        if (!donation.interval().recurring() || donation.status() != DonationStatus.ACTIVE) {
            throw new Conflict("donation.not-renewable");
        }
        testPayments.renew(donation);
    }

    public record Preferences(boolean showBadge, boolean listed) {
    }

    public Preferences preferences(long accountId) {
        Donations.Preference p = donations.preference(accountId);
        return new Preferences(p.showBadge(), p.listed());
    }

    @Transactional
    public void savePreferences(Account donor, boolean showBadge, boolean listed) {
        donations.savePreference(donor.id(), new Donations.Preference(showBadge, listed));
    }

    /** Whether a profile shows the donor badge: the person chose to, and has given. Off by default. */
    public boolean showsBadge(long accountId) {
        return donations.preference(accountId).showBadge() && donations.hasGiven(accountId);
    }

    /** A gift received by bank transfer or cash, recorded by a treasurer; it counts in the ledger at once. */
    @Transactional
    public Donation recordOffline(Account treasurer, String donorHandle, String donorName, String amount, String currency,
            String method, String receivedOn, String note) {
        if (!isTreasurer(treasurer)) {
            throw new Forbidden("donation.treasurers-only");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        Long minor = Money.parseMajor(amount);
        if (minor == null || minor < 100 || minor > Money.MAX_MINOR) {
            problems.add("amount", "donation.amount.invalid");
        }
        if (!Money.accepted(currency)) {
            problems.add("currency", "donation.currency.invalid");
        }
        if (!"BANK".equals(method) && !"CASH".equals(method)) {
            problems.add("method", "donation.method.invalid");
        }
        LocalDate day = Ledger.parseDay(receivedOn, LocalDate.now(clock));
        if (day == null) {
            problems.add("receivedOn", "donation.date.invalid");
        }
        Account donor = null;
        String handle = donorHandle == null ? "" : donorHandle.strip().replaceFirst("^@", "");
        if (!handle.isEmpty()) {
            donor = accounts.byHandle(handle).orElse(null);
            if (donor == null) {
                problems.add("donor", "donation.donor.unknown");
            }
        }
        String name = donorName == null ? "" : donorName.strip();
        String text = note == null ? "" : note.strip();
        if (name.length() > 120) {
            problems.add("donorName", "donation.donor-name.too-long");
        }
        if (text.length() > 500) {
            problems.add("note", "donation.note.too-long");
        }
        problems.throwIfAny();
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Donation donation = new Donation(ids.next(), donor == null ? null : donor.id(), minor, currency,
                DonationInterval.ONE_TIME, DonationStatus.PAID, method, false, null, null, name.isEmpty() ? null : name,
                text.isEmpty() ? null : text, clock.instant(), null, null);
        donations.insert(donation, null, null);
        donations.insertPayment(ids.next(), donation.id(), "offline-" + donation.id(), null, null, minor, currency, true, at);
        receipts.confirmed(donation, donation.money(), at);
        return donation;
    }
}
