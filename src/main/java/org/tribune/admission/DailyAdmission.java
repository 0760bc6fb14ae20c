package org.tribune.admission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the day's admission. Every node tries often; the first to claim the day runs it and the others find it
 * done, so a node that was down at midnight does not make the day skip.
 */
@Component
class DailyAdmission {
    private static final Logger log = LoggerFactory.getLogger(DailyAdmission.class);

    private final AdmissionService admission;
    private final Clock clock;
    private final ZoneId zone;

    DailyAdmission(AdmissionService admission, Clock clock, @Value("${tribune.default-time-zone:UTC}") String zone) {
        this.admission = admission;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${tribune.admission.schedule:0 */10 * * * *}", zone = "${tribune.default-time-zone:UTC}")
    void tick() {
        run(LocalDate.now(clock.withZone(zone)));
    }

    /** Runs the day unless another node did or is doing it; a claim lost to a racing node is not an error. */
    AdmissionService.RunOutcome run(LocalDate day) {
        try {
            AdmissionService.RunOutcome outcome = admission.run(day);
            if (outcome.ran()) {
                log.info("Admission of {}: {} admitted.", day, outcome.admitted());
            }
            return outcome;
        } catch (DataAccessException raced) {
            log.warn("Admission of {} did not run here; another node may hold the day ({}).", day, raced.getMessage());
            return new AdmissionService.RunOutcome(day, false, 0);
        }
    }
}
