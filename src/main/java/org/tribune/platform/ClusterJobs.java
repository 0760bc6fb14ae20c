package org.tribune.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets a scheduled job run exactly once per period however many nodes share the database. Every node's scheduler
 * fires; each asks {@link #claim}; the insert of the (job, run) row succeeds on one node only. A job that fails after
 * claiming is not retried in the same period, so jobs catch up on their next period (they work from state, not
 * from a count of runs).
 */
@Component
public class ClusterJobs {
    private final JdbcClient db;
    private final NodeNumber node;
    private final Clock clock;

    ClusterJobs(JdbcClient db, NodeNumber node, Clock clock) {
        this.db = db;
        this.node = node;
        this.clock = clock;
    }

    /** True on the one node that gets to run {@code job} for {@code runKey} (e.g. a date); false everywhere else. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claim(String job, String runKey) {
        return db.sql("insert into job_run (job, run_key, node_number, claimed_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(job, runKey, node.value(), Sql.ts(clock.instant()))
                .update() == 1;
    }

    /**
     * Claims the current window of a job that runs every {@code period}: windows are counted from the epoch, so all
     * nodes agree on them without talking to each other.
     */
    public boolean claimWindow(String job, Duration period) {
        return claim(job, Long.toString(clock.millis() / period.toMillis()));
    }

    /** Old claims only matter for the window they were made in; a month of them is plenty for looking back. */
    @Scheduled(fixedDelay = 86_400_000, initialDelay = 300_000)
    void forgetOldRuns() {
        Instant before = clock.instant().minus(Duration.ofDays(30));
        db.sql("delete from job_run where claimed_at < ?").param(Sql.ts(before)).update();
    }
}
