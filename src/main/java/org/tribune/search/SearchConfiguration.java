package org.tribune.search;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.tribune.platform.Database;

/**
 * The engine: PostgreSQL's own full-text search when the database is PostgreSQL (every node reads the same table),
 * a Lucene index under {@code tribune.search.index-dir} (default: the data directory's {@code search}) on H2.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "")
    @DependsOnDatabaseInitialization
    SearchEngine searchEngine(Database database, JdbcClient db, IndexBuilds builds, SearchDocuments documents,
            @Value("${tribune.search.index-dir:${tribune.data-dir:./data}/search}") String indexDir) {
        if (database.isPostgres()) {
            return new PostgresSearch(db);
        }
        return new LuceneSearch(Path.of(indexDir), builds.token(), documents);
    }

    /** Closes the Lucene index cleanly at shutdown, so the next start uses it as it is. */
    @Bean
    LuceneCommits luceneCommits(SearchEngine engine) {
        return new LuceneCommits(engine);
    }

    /** Commits the Lucene index every few seconds and closes it at shutdown; nothing to do on PostgreSQL. */
    static class LuceneCommits implements AutoCloseable {
        private final SearchEngine engine;

        LuceneCommits(SearchEngine engine) {
            this.engine = engine;
        }

        @Scheduled(fixedDelay = 5_000)
        void commit() {
            if (engine instanceof LuceneSearch lucene) {
                lucene.commit();
            }
        }

        @Override
        public void close() throws Exception {
            if (engine instanceof LuceneSearch lucene) {
                lucene.close();
            }
        }
    }
}
