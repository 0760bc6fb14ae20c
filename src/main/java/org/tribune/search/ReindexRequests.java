package org.tribune.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tribune.platform.Conflict;

/**
 * {@code ./tribune reindex} against a running server. On H2 the database and the Lucene index belong to the server's
 * process, so the command does not rebuild itself: it leaves a request file, which the server
 * looks for every second, and reads the progress the server writes next to it (both in the search index's
 * directory, {@code tribune.search.index-dir}, by default {@code data/search}). Only someone who may write to the
 * data directory (where the database itself lives) can ask, so this opens no door that was not open; the request's
 * content is ignored. Search keeps answering during the rebuild, as when an administrator starts it from
 * {@code /admin/search}.
 *
 * <p>The progress file holds one line, {@code <state> <done> <total>}: state is {@code running}, {@code done} or
 * {@code failed}; total is the estimate of {@link IndexBuild#total()} (0 when unknown).
 */
@Component
class ReindexRequests {
    private static final Logger log = LoggerFactory.getLogger(ReindexRequests.class);
    static final String REQUEST = "search-reindex.request";
    static final String PROGRESS = "search-reindex.progress";

    private final Reindex reindex;
    private final Path request;
    private final Path progress;
    /** The generation asked for: its progress is written until it ends; 0 when none. */
    private long watched;

    ReindexRequests(Reindex reindex, @Value("${tribune.search.index-dir:${tribune.data-dir:./data}/search}") String dir) {
        this.reindex = reindex;
        this.request = Path.of(dir, REQUEST);
        this.progress = Path.of(dir, PROGRESS);
    }

    @Scheduled(fixedDelay = 1_000)
    synchronized void look() {
        try {
            if (Files.deleteIfExists(request)) {
                try {
                    reindex.start();
                } catch (Conflict running) {
                    // one is running already (started here or on the admin page): report that one
                }
                watched = reindex.state().generation();
                log.info("Rebuilding the search index, as asked by {}", request);
            }
            if (watched == 0) {
                return;
            }
            IndexBuild build = reindex.state();
            String state = build.generation() != watched ? "failed"
                    : !build.running() ? "done" : reindex.failed(watched) ? "failed" : "running";
            write(state + " " + build.done() + " " + (build.total() == null ? 0 : build.total()) + "\n");
            if (!state.equals("running")) {
                watched = 0;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not answer a request to rebuild the search index: {}", e.getMessage());
        }
    }

    private void write(String line) throws IOException {
        Files.createDirectories(progress.getParent());
        Path temporary = progress.resolveSibling(PROGRESS + ".tmp");
        Files.writeString(temporary, line, StandardCharsets.UTF_8);
        Files.move(temporary, progress, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
