package org.tribune.account;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets what accounts no longer need: failed logins after a day, reset codes once expired. */
@Component
class Housekeeping {
    private final LoginFailures failures;
    private final PasswordResets resets;
    private final Clock clock;

    Housekeeping(LoginFailures failures, PasswordResets resets, Clock clock) {
        this.failures = failures;
        this.resets = resets;
        this.clock = clock;
    }

    /** Plain deletes of old rows: running on several nodes at once is harmless. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forget() {
        failures.purgeBefore(clock.instant().minus(Duration.ofDays(1)));
        resets.purgeExpired(clock.instant());
    }
}
