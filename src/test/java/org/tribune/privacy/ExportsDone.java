package org.tribune.privacy;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs the pending exports until a person's latest one is ready. Other tests may have left exports pending ahead of
 * it, and the scheduled job may have taken it a moment before the test's own run did and still be writing it.
 */
final class ExportsDone {
    private ExportsDone() {
    }

    static DataExport readyFor(DataExportService exports, long accountId) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            exports.runPending(); // ten at a time: exports other tests left pending may come first
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
