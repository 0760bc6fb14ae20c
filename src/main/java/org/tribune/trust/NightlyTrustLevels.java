package org.tribune.trust;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tribune.platform.ClusterJobs;

/**
 * Computes the levels once a day. Every node's scheduler fires every hour; the first to claim the (UTC) day runs
 * it, so a node that was down at night does not make the day skip and two nodes never both run it.
 */
@Component
class NightlyTrustLevels {
    static final String JOB = "trust-levels";
    private static final Logger log = LoggerFactory.getLogger(NightlyTrustLevels.class);

    private final ClusterJobs jobs;
    private final TrustComputation computation;
    private final Clock clock;

    NightlyTrustLevels(ClusterJobs jobs, TrustComputation computation, Clock clock) {
        this.jobs = jobs;
        this.computation = computation;
        this.clock = clock;
    }

    @Scheduled(cron = "${tribune.trust.schedule:0 7 * * * *}", zone = "UTC")
    void tick() {
        run(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** True when this node ran the day; false when another node has claimed it. */
    boolean run(LocalDate day) {
        try {
            if (!jobs.claim(JOB, day.toString())) {
                return false;
            }
        } catch (DataAccessException raced) {
            log.warn("Trust levels of {} did not run here; another node may hold the day ({}).", day, raced.getMessage());
            return false;
        }
        try {
            computation.run();
        } catch (org.tribune.platform.Conflict busy) {
            log.info("Trust levels of {}: an administrator's run was going on here already.", day);
        }
        return true;
    }
}
