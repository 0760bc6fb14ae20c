package org.tribune.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the after-commit work that a crash or a failure left undone. Every durable listener
 * ({@code @ApplicationModuleListener}) has a row in {@code event_publication}, written in the transaction of the
 * change and deleted when the listener completes; a row still there is handed to its listener again.
 * <ul>
 * <li>At start on H2, at once, every publication made before this start: only one process opens the H2 file, so
 * whatever is pending was left by a process that is gone.</li>
 * <li>Every {@code tribune.events.retry-every}, publications pending for longer than {@code tribune.events.retry-after}
 * (since they were made or last retried), at most {@code tribune.events.max-attempts} times. Modulith's own
 * republication at start would run every pending publication on every node that starts, including those another
 * live node is running; here one node per period claims the round ({@link ClusterJobs}), and it only takes
 * publications older than any listener takes to run. A publication handed over while its first run is still
 * going (a node so slow that it outlives the wait) has no second effect: each listener claims its publication in
 * its own transaction ({@link DurableListeners}).</li>
 * </ul>
 */
@Component
class EventRetries {
    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final IncompleteEventPublications incomplete;
    private final PendingEvents pending;
    private final ClusterJobs jobs;
    private final Database database;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration every;
    private final int maxAttempts;
    private final Instant started;

    EventRetries(IncompleteEventPublications incomplete, PendingEvents pending, ClusterJobs jobs, Database database,
            Clock clock, MeterRegistry meters,
            @Value("${tribune.events.retry-after:PT1M}") Duration retryAfter,
            @Value("${tribune.events.retry-every:PT30S}") Duration every,
            @Value("${tribune.events.max-attempts:10}") int maxAttempts) {
        this.incomplete = incomplete;
        this.pending = pending;
        this.jobs = jobs;
        this.database = database;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.every = every;
        this.maxAttempts = maxAttempts;
        this.started = clock.instant();
        // For alerts: a count that stays above zero means a listener keeps failing (see /admin/events).
        Gauge.builder("tribune.events.pending", pending, PendingEvents::count)
                .description("Event publications whose listener has not completed").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void finishWhatTheLastRunLeft() {
        long left = pending.count();
        if (left > 0) {
            log.info("{} event publications were pending at start{}", left, database.isPostgres()
                    ? ": those pending for longer than " + retryAfter + " are handed to their listeners again"
                    : ", left by the previous run: handed to their listeners again");
        }
        if (!database.isPostgres()) {
            try {
                incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(started));
            } catch (RuntimeException e) {
                // The node serves anyway; what is left stays pending for the periodic retry and /admin/events.
                log.warn("could not hand the pending event publications to their listeners: {}", e.getMessage());
            }
        }
    }

    @Scheduled(fixedDelayString = "${tribune.events.retry-every:PT30S}", initialDelayString = "${tribune.events.retry-every:PT30S}")
    void retryPending() {
        try {
            if (jobs.claimWindow("event-retries", every)) {
                Instant before = clock.instant().minus(retryAfter);
                incomplete.resubmitIncompletePublications(p -> due(p, before));
            }
        } catch (RuntimeException e) {
            log.warn("could not retry pending events: {}", e.getMessage());
        }
    }

    /** Pending long enough since it was made and since its last retry, and not given up on. */
    private boolean due(EventPublication publication, Instant before) {
        Instant last = publication.getLastResubmissionDate();
        return publication.getPublicationDate().isBefore(before) && (last == null || last.isBefore(before))
                && publication.getCompletionAttempts() < maxAttempts;
    }

    /** An administrator's retry of one publication, whatever its age and attempts. */
    void retry(UUID id) {
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(id));
    }

    /** An administrator's retry of every pending publication older than a minute (younger ones may be running). */
    void retryAll() {
        Instant before = clock.instant().minus(Duration.ofMinutes(1));
        incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(before));
    }
}
