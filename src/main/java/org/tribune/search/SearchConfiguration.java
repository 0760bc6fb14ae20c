package org.tribune.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.tribune.platform.Database;

/**
 * The engine. On H2, a Lucene index under {@code tribune.search.index-dir} (default: the data directory's
 * {@code search}). On PostgreSQL, by default ({@code tribune.search.engine=lucene}) every node's own Lucene index
 * there, following the log of changes, with PostgreSQL's full-text search answering while it is built;
 * {@code tribune.search.engine=postgres} keeps PostgreSQL's alone (no index on the node's disk).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "")
    @DependsOnDatabaseInitialization
    SearchEngine searchEngine(Database database, JdbcClient db, IndexBuilds builds, SearchDocuments documents,
            SearchChanges changes, Clock clock,
            @Value("${tribune.search.index-dir:${tribune.data-dir:./data}/search}") String indexDir,
            @Value("${tribune.search.engine:lucene}") String engine,
            @Value("${tribune.search.follow-every:250ms}") Duration every,
            @Value("${tribune.search.changes-kept-for:24h}") Duration keptFor,
            @Value("${tribune.search.build-writers:0}") int writers) {
        if (!database.isPostgres()) {
            return LuceneSearch.forOneNode(Path.of(indexDir), builds.token(), documents);
        }
        PostgresSearch postgres = new PostgresSearch(db);
        return switch (engine) {
            case "postgres" -> postgres;
            case "lucene" -> new FollowingSearch(postgres,
                    LuceneSearch.following(Path.of(indexDir), builds.token(), position -> changes.keptSince(SearchChanges.Snapshot.parse(position))), changes, documents,
                    clock, every, keptFor,
                    writers > 0 ? writers : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
            default -> throw new IllegalStateException("tribune.search.engine is lucene or postgres, not " + engine);
        };
    }

    /** Closes the Lucene index cleanly at shutdown, so the next start uses it as it is. */
    @Bean
    LuceneCommits luceneCommits(SearchEngine engine, MeterRegistry meters) {
        // 1 when this node's own index answers (at once on H2; on PostgreSQL once built and caught up), else 0.
        Gauge.builder("tribune.search.node.index.ready", engine,
                e -> e instanceof LuceneSearch || (e instanceof FollowingSearch f && f.ready()) ? 1 : 0)
                .description("Whether this node's own search index answers searches").register(meters);
        return new LuceneCommits(engine);
    }

    /** Commits the Lucene index every few seconds and closes it at shutdown; nothing to do with PostgreSQL alone. */
    static class LuceneCommits implements AutoCloseable {
        private final SearchEngine engine;

        LuceneCommits(SearchEngine engine) {
            this.engine = engine;
        }

        @Scheduled(fixedDelay = 5_000)
        void commit() {
            if (engine instanceof LuceneSearch lucene) {
                lucene.commit();
            } else if (engine instanceof FollowingSearch following) {
                following.commit();
            }
        }

        @Override
        public void close() {
            if (engine instanceof LuceneSearch lucene) {
                lucene.close();
            } else if (engine instanceof FollowingSearch following) {
                following.close();
            }
        }
    }
}
