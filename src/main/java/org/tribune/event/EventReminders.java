package org.tribune.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.mail.Mailer;
import org.tribune.platform.ClusterJobs;
import org.tribune.platform.SiteAddress;

/**
 * Reminders to those going: one a day before (when the event starts within 24 hours) and one an hour before, in the
 * app and by e-mail, unless the person turned them off. Every node's scheduler fires every minute and one of them
 * walks the events ({@link ClusterJobs#claimWindow}); each reminder is claimed
 * by inserting its (event, person, kind) row in the transaction that queues the mail and the notification, so it is
 * sent once whatever the number of nodes, and a failed one is tried again on the next run. Cancelled events get none,
 * and nor does anyone who can no longer read the event's group.
 */
@Component
public class EventReminders {
    static final String DAY = "DAY";
    static final String HOUR = "HOUR";
    private static final Logger log = LoggerFactory.getLogger(EventReminders.class);

    private final Events events;
    private final Rsvps rsvps;
    private final Reminders reminders;
    private final GroupAccess access;
    private final AccountService accounts;
    private final Mailer mailer;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final SiteAddress site;
    private final TransactionTemplate eachInItsOwn;
    private final ClusterJobs jobs;
    private final long every;

    EventReminders(Events events, Rsvps rsvps, Reminders reminders, GroupAccess access, AccountService accounts,
            Mailer mailer, ApplicationEventPublisher publisher, Clock clock, SiteAddress site,
            PlatformTransactionManager transactions, ClusterJobs jobs,
            @Value("${tribune.events.reminders-every:60000}") long every) {
        this.jobs = jobs;
        this.every = every;
        this.events = events;
        this.rsvps = rsvps;
        this.reminders = reminders;
        this.access = access;
        this.accounts = accounts;
        this.mailer = mailer;
        this.publisher = publisher;
        this.clock = clock;
        this.site = site;
        this.eachInItsOwn = new TransactionTemplate(transactions);
        this.eachInItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${tribune.events.reminders-every:60000}", initialDelay = 30_000)
    void everyMinute() {
        // Each reminder is claimed on its own too; the window claim spares the other nodes the walk.
        if (!jobs.claimWindow("event-reminders", Duration.ofMillis(every))) {
            return;
        }
        int sent = sendDue(clock.instant());
        if (sent > 0) {
            log.info("sent {} event reminders", sent);
        }
    }

    /** Sends the reminders due at {@code now}; returns how many this node sent. */
    public int sendDue(Instant now) {
        int sent = 0;
        for (Event event : events.startingBetween(now, now.plus(Duration.ofDays(1)))) {
            String kind = Duration.between(now, event.start()).compareTo(Duration.ofHours(1)) <= 0 ? HOUR : DAY;
            Optional<Group> group = access.group(event.groupId());
            if (group.isEmpty()) {
                continue;
            }
            for (long accountId : rsvps.goingIds(event.id())) {
                if (remind(event, group.get(), accountId, kind, now)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean remind(Event event, Group group, long accountId, String kind, Instant now) {
        try {
            return Boolean.TRUE.equals(eachInItsOwn.execute(status -> {
                Account account = accounts.byId(accountId).filter(Account::isActive).orElse(null);
                if (account == null || !reminders.wanted(accountId) || !access.canRead(group, accountId)) {
                    return false;
                }
                if (!reminders.claim(event.id(), accountId, kind, now)) {
                    return false; // sent already, here or on another node
                }
                String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                        .withLocale(account.language()).withZone(account.zone()).format(event.start());
                String where = event.place() != null ? event.place() : event.onlineUrl();
                mailer.send(account.email(), account.language(), "event.mail.reminder-" + kind.toLowerCase(java.util.Locale.ROOT),
                        event.title(), when, where, site.of("/events/" + event.id()), site.of("/events"));
                publisher.publishEvent(new EventEvents.ReminderDue(event.id(), event.groupId(), accountId, kind));
                return true;
            }));
        } catch (RuntimeException failure) {
            log.warn("could not send the {} reminder of event {} to account {}", kind, event.id(), accountId, failure);
            return false;
        }
    }
}
