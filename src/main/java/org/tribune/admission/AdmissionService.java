package org.tribune.admission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.WaitlistPositions;
import org.tribune.platform.InvalidInput;

/**
 * The waiting list: who waits, in what order, and who is admitted when. The order (donors, then people with an
 * accepted invitation, then everyone by verification time, ties by account id) lives in {@link Waitlist}; the
 * daily run and the position a person sees both read it from there.
 */
@Service
public class AdmissionService implements WaitlistPositions {
    public static final int PAGE_SIZE = 50;
    static final int QUOTA_MAX = 1_000_000;

    private final Waitlist waitlist;
    private final AdmissionSettings settings;
    private final AdmissionRuns runs;
    private final Invitations invitations;
    private final AccountService accounts;
    private final AdmissionMails mails;
    private final Clock clock;
    private final Integer defaultQuota;

    AdmissionService(Waitlist waitlist, AdmissionSettings settings, AdmissionRuns runs, Invitations invitations,
            AccountService accounts, AdmissionMails mails, Clock clock,
            @Value("${tribune.admission.default-daily-quota:-1}") int defaultQuota) {
        this.waitlist = waitlist;
        this.settings = settings;
        this.runs = runs;
        this.invitations = invitations;
        this.accounts = accounts;
        this.mails = mails;
        this.clock = clock;
        this.defaultQuota = defaultQuota < 0 ? null : defaultQuota;
    }

    /** What one day's run did; {@code ran} is false when another run (another node) already had the day. */
    public record RunOutcome(LocalDate day, boolean ran, int admitted) {
    }

    /** How many people are admitted each day; null means unlimited (everyone is admitted when they verify). */
    public Integer dailyQuota() {
        Optional<OptionalInt> stored = settings.dailyQuota();
        if (stored.isEmpty()) {
            return defaultQuota;
        }
        return stored.get().isPresent() ? stored.get().getAsInt() : null;
    }

    /**
     * Sets the quota; null or -1 opens the gates, 0 closes them. Opening the gates admits everyone waiting now,
     * not at the next daily run: "open" means nobody waits. Callers check that an administrator asks.
     */
    @Transactional
    public void setDailyQuota(Integer quota, long adminId) {
        Integer value = quota == null || quota == -1 ? null : quota;
        if (value != null && (value < 0 || value > QUOTA_MAX)) {
            throw InvalidInput.of("dailyQuota", "admission.quota-invalid", QUOTA_MAX);
        }
        settings.setDailyQuota(value, adminId, clock.instant());
        if (value == null) {
            admitInQueueOrder(Integer.MAX_VALUE);
        }
    }

    /** The 1-based place of a waiting account in the queue, the one the daily run follows; empty if not waiting. */
    @Override
    @Transactional
    public OptionalLong position(long accountId) {
        Optional<QueueEntry> entry = waitlist.of(accountId);
        if (entry.isEmpty()) {
            // A waiting account missing from the queue (made waiting outside verification) joins it now.
            Optional<Account> account = accounts.byId(accountId).filter(a -> a.state() == AccountState.WAITING);
            if (account.isEmpty()) {
                return OptionalLong.empty();
            }
            waitlist.add(entryFor(account.get(), false));
            entry = waitlist.of(accountId);
        }
        return OptionalLong.of(waitlist.position(entry.orElseThrow()));
    }

    /** How many people wait. */
    public long waiting() {
        return waitlist.size();
    }

    /**
     * Called by the donation feature when a payment is confirmed: a waiting donor is admitted at once, and a donor
     * who has not verified their address yet will be when they do.
     */
    @Transactional
    public void markDonor(long accountId) {
        waitlist.addDonor(accountId, clock.instant());
        waitlist.markDonor(accountId);
        accounts.byId(accountId).filter(a -> a.state() == AccountState.WAITING).ifPresent(a -> admit(a, true));
    }

    /** A newly verified account: admitted at once when the gates are open, it was invited or donated; else it waits. */
    @Transactional
    void verified(long accountId) {
        Account account = accounts.byId(accountId).filter(a -> a.state() == AccountState.WAITING).orElse(null);
        if (account == null) {
            return;
        }
        Optional<Invitation> invitation = invitations.usedBy(accountId);
        boolean donor = waitlist.isDonor(accountId);
        if (dailyQuota() == null || invitation.isPresent() || donor) {
            admit(account, false); // they are looking at the confirmation page: no mail needed
            invitation.ifPresent(i -> accounts.byId(i.inviterId()).filter(a -> a.state() == AccountState.WAITING)
                    .ifPresent(inviter -> admit(inviter, true)));
            return;
        }
        waitlist.add(entryFor(account, false));
    }

    /** Admits a waiting account by hand; false if it was not waiting. */
    @Transactional
    boolean admitByHand(Account account) {
        return account.state() == AccountState.WAITING && admit(account, true);
    }

    /** Leaves the queue once admitted, whoever admitted the account. */
    @Transactional
    void activated(long accountId) {
        waitlist.remove(accountId);
    }

    /**
     * The run of one day: admits up to the quota in queue order and mails each person admitted. The day is claimed
     * in the same transaction, so on several nodes, or run twice, a day admits once; if the run fails, the claim
     * rolls back with it and the next attempt runs the day.
     */
    @Transactional
    public RunOutcome run(LocalDate day) {
        Integer quota = dailyQuota();
        if (!runs.claim(day, quota, clock.instant())) {
            return new RunOutcome(day, false, 0);
        }
        int admitted = admitInQueueOrder(quota == null ? Integer.MAX_VALUE : quota);
        runs.recordAdmitted(day, admitted);
        return new RunOutcome(day, true, admitted);
    }

    /** Admits up to {@code limit} waiting people in queue order, mailing each; returns how many were admitted. */
    private int admitInQueueOrder(int limit) {
        int admitted = 0;
        QueueEntry last = null;
        while (admitted < limit) {
            List<QueueEntry> batch = last == null ? waitlist.first(100) : waitlist.after(last, 100);
            if (batch.isEmpty()) {
                break;
            }
            for (QueueEntry entry : batch) {
                if (admitted >= limit) {
                    break;
                }
                last = entry;
                Optional<Account> account = accounts.byId(entry.accountId());
                if (account.isEmpty() || account.get().state() == AccountState.ACTIVE
                        || account.get().state() == AccountState.DELETED) {
                    waitlist.remove(entry.accountId()); // admitted elsewhere, or gone
                } else if (account.get().state() == AccountState.WAITING && admit(account.get(), true)) {
                    admitted++;
                } // a suspended account keeps its place for when the suspension ends
            }
        }
        return admitted;
    }

    /** The queue in order, a page at a time; {@code cursor} comes from the last entry of the previous page. */
    public List<QueueEntry> queue(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return waitlist.first(PAGE_SIZE);
        }
        String[] parts = cursor.split("_");
        try {
            if (parts.length != 4) {
                throw new NumberFormatException(cursor);
            }
            int tier = Integer.parseInt(parts[0]);
            Instant at = Instant.ofEpochMilli(Long.parseLong(parts[1])).with(java.time.temporal.ChronoField.NANO_OF_SECOND,
                    Long.parseLong(parts[2]));
            return waitlist.after(new QueueEntry(Long.parseLong(parts[3]), at, tier == 0, tier == 1), PAGE_SIZE);
        } catch (RuntimeException malformed) {
            throw InvalidInput.of("before", "list.cursor-invalid");
        }
    }

    /** The place of an entry of the queue. */
    long position(QueueEntry entry) {
        return waitlist.position(entry);
    }

    public List<AdmissionRun> runs() {
        return runs.newest(60);
    }

    private boolean admit(Account account, boolean notify) {
        if (!accounts.admit(account.id())) {
            return false;
        }
        waitlist.remove(account.id());
        if (notify) {
            mails.admitted(account);
        }
        return true;
    }

    private QueueEntry entryFor(Account account, boolean invited) {
        Instant verifiedAt = account.verifiedAt() == null ? clock.instant() : account.verifiedAt();
        return new QueueEntry(account.id(), verifiedAt, waitlist.isDonor(account.id()), invited);
    }
}
