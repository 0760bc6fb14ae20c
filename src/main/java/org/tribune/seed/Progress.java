package org.tribune.seed;

import java.io.PrintStream;
import java.time.Duration;

/** A one-line progress bar with the rows written, the rate and the time left, redrawn at most a few times a second. */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private long total;
    private final long started = System.nanoTime();
    private long done;
    private long lastDrawn;
    private String stage = "";

    Progress(PrintStream out, long total) {
        this.out = out;
        this.total = Math.max(total, 1);
    }

    void stage(String name) {
        stage = name;
        draw(true);
    }

    void add(long rows) {
        done += rows;
        draw(false);
    }

    /** The total was an estimate (some rows are decided while writing): the bar ends at what was written. */
    void finish() {
        total = Math.max(done, 1);
        draw(true);
        out.println();
    }

    long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDrawn < 250_000_000L) {
            return;
        }
        lastDrawn = now;
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) (fraction * WIDTH);
        double seconds = (now - started) / 1e9;
        long rate = seconds > 0 ? (long) (done / seconds) : 0;
        String eta = fraction > 0.001 ? format(Duration.ofSeconds((long) (seconds / fraction - seconds))) : "?";
        out.printf("\r[%s%s] %3d%% %,d/%,d rows, %,d rows/s, %s elapsed, ETA %s  %-14s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), (int) (fraction * 100), done, total, rate,
                format(Duration.ofSeconds((long) seconds)), eta, stage);
        out.flush();
    }

    private static String format(Duration d) {
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
