package org.tribune.privacy;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs the pending exports and waits for a person's latest one to be ready. The scheduled job may have taken the
 * export a moment before the test's own run did, and still be writing it when the test looks.
 */
final class ExportsDone {
    private ExportsDone() {
    }

    static DataExport readyFor(DataExportService exports, long accountId) {
        exports.runPending();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            DataExport latest = exports.latest(accountId).orElseThrow();
            if (latest.state() == DataExport.State.READY || latest.state() == DataExport.State.FAILED
                    || Instant.now().isAfter(giveUp)) {
                return latest;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return latest;
            }
        }
    }
}
