package org.tribune.admission;

import java.time.Instant;
import java.time.LocalDate;

/** What the run of one day did; {@code dailyQuota} null means the gates were open. */
public record AdmissionRun(LocalDate day, Integer dailyQuota, int admitted, Instant ranAt) {
}
