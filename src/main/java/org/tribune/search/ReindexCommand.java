package org.tribune.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.tribune.platform.Conflict;

/**
 * {@code ./tribune reindex} (the property {@code tribune.search.reindex=true}): once the server has migrated the
 * database, rebuilds the search index and stops. On PostgreSQL other nodes keep serving, and searching, meanwhile.
 * On H2 the database and the Lucene index belong to one process: when a server runs, the launcher asks it instead
 * ({@link ReindexRequests}), and this runs only with the server stopped.
 */
@Component
@ConditionalOnProperty("tribune.search.reindex")
class ReindexCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ReindexCommand.class);

    private final Reindex reindex;
    private final ConfigurableApplicationContext context;

    ReindexCommand(Reindex reindex, ConfigurableApplicationContext context) {
        this.reindex = reindex;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = 0;
        try {
            long started = System.nanoTime();
            long count = reindex.run();
            System.err.printf("Search index rebuilt with %s (%d documents) in %d s%n", reindex.engine(), count,
                    (System.nanoTime() - started) / 1_000_000_000);
        } catch (Conflict running) {
            System.err.println("A rebuild of the search index is already running (see /admin/search).");
            status = 1;
        } catch (RuntimeException e) {
            log.error("Rebuilding the search index failed: {}", e.getMessage(), e);
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
