package org.tribune.search;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.TestPropertySource;

/**
 * Every search test again with PostgreSQL's full-text search alone ({@code tribune.search.engine=postgres}), which
 * also answers on each node while its own index is being built: both engines find the same.
 */
@EnabledIf("org.tribune.TestDatabase#isPostgres")
@TestPropertySource(properties = "tribune.search.engine=postgres")
class PostgresSearchTest extends SearchTest {

    @Override
    Class<? extends SearchEngine> expectedEngine() {
        return PostgresSearch.class;
    }
}
