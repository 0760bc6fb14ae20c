package org.tribune.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.mail.Mailer;
import org.tribune.platform.ClusterJobs;
import org.tribune.platform.SiteAddress;

/**
 * The e-mail digest: every hour, each person whose period (a day or a week) has passed since their last digest, and
 * who has unread notifications made since, gets one mail listing them, in their language. Every node runs the job;
 * a person's digest is claimed by moving their {@code last_digest_at} with a conditional update, in the transaction
 * that queues the mail, so two nodes never send the same digest and a failed one is tried again the next hour.
 * The recipient's NOTIFICATIONS filters apply as on the page: what a HIDE filter matches is not in the mail, what a
 * WARN filter matches is one folded line naming the filter.
 */
@Component
class DigestMails {
    /** Entries listed in one mail; the rest are counted. */
    static final int ENTRIES_MAX = 20;
    private static final int BATCH = 200;
    private static final int ROWS_MAX = 300;
    private static final Logger log = LoggerFactory.getLogger(DigestMails.class);

    private final DigestSettings settings;
    private final Inbox inbox;
    private final Entries entries;
    private final AccountService accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;
    private final TransactionTemplate eachInItsOwn;
    private final ClusterJobs jobs;

    DigestMails(DigestSettings settings, Inbox inbox, Entries entries, AccountService accounts, Mailer mailer,
            MessageSource messages, Clock clock, PlatformTransactionManager transactions,
            SiteAddress site, ClusterJobs jobs) {
        this.jobs = jobs;
        this.settings = settings;
        this.inbox = inbox;
        this.entries = entries;
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = site.base();
        this.eachInItsOwn = new TransactionTemplate(transactions);
        this.eachInItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(cron = "${tribune.notifications.digest-cron:0 17 * * * *}")
    void hourly() {
        // Each person's digest is claimed on its own too; the window claim spares the other nodes the walk.
        if (!jobs.claimWindow("notification-digest", java.time.Duration.ofHours(1))) {
            return;
        }
        int sent = sendDue(clock.instant());
        if (sent > 0) {
            log.info("sent {} notification digests", sent);
        }
    }

    /** Sends every digest due at {@code now}; returns how many mails this node queued. */
    public int sendDue(Instant now) {
        int sent = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<DigestSettings.Candidate> due = settings.due(now.minus(Digest.DAILY.period()),
                    now.minus(Digest.WEEKLY.period()), after, BATCH);
            for (DigestSettings.Candidate candidate : due) {
                if (send(candidate, now)) {
                    sent++;
                }
            }
            if (due.size() < BATCH) {
                return sent;
            }
            after = due.getLast().accountId();
        }
    }

    private boolean send(DigestSettings.Candidate candidate, Instant now) {
        long id = candidate.accountId();
        try {
            return Boolean.TRUE.equals(eachInItsOwn.execute(status -> {
                if (!candidate.hasRow()) {
                    settings.createIfAbsent(id);
                }
                if (!settings.claim(id, candidate.lastDigestAt(), now)) {
                    return false; // another node sends it, or the person changed their setting meanwhile
                }
                Optional<Account> account = accounts.byId(id).filter(Account::isActive);
                if (account.isEmpty()) {
                    return false;
                }
                List<NotificationEntry> unread = entries.visible(id, inbox.unreadSince(id, candidate.lastDigestAt(), ROWS_MAX), false)
                        .stream().filter(e -> !e.read()).toList();
                if (unread.isEmpty()) {
                    return false; // nothing they may still see: these are digested all the same
                }
                mail(account.get(), unread);
                return true;
            }));
        } catch (RuntimeException failure) {
            log.warn("could not send the notification digest of account {}", id, failure);
            return false;
        }
    }

    private void mail(Account account, List<NotificationEntry> unread) {
        Locale locale = account.language();
        StringBuilder list = new StringBuilder();
        for (NotificationEntry entry : unread.subList(0, Math.min(unread.size(), ENTRIES_MAX))) {
            // Behind a WARN filter the line is folded as on the page: it names the filter, not what was said or by whom.
            String line = entry.filtered() != null
                    ? messages.getMessage("notification.digest.filtered", new Object[] {entry.filtered().phrase()}, locale)
                    : messages.getMessage(entry.messageKey(), entry.messageArgs(), locale);
            list.append("- ").append(line).append('\n')
                    .append("  ").append(baseUrl).append(entry.path()).append('\n');
        }
        if (unread.size() > ENTRIES_MAX) {
            list.append(messages.getMessage("notification.digest.more", new Object[] {unread.size() - ENTRIES_MAX}, locale))
                    .append('\n');
        }
        mailer.send(account.email(),
                messages.getMessage("notification.digest.subject", new Object[] {unread.size()}, locale),
                messages.getMessage("notification.digest.body", new Object[] {account.handle(), list.toString().stripTrailing(),
                        baseUrl + "/notifications", baseUrl + "/settings/notifications"}, locale));
    }
}
