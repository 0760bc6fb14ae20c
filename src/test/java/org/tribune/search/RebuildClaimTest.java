package org.tribune.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;

/**
 * One rebuild at a time across the nodes: a rebuild longer than {@link Reindex#STALE} (millions of documents) stays
 * its node's while it makes progress; one that stopped making progress (its node died) is taken over.
 */
@IntegrationTest
class RebuildClaimTest {
    @Autowired
    IndexBuilds builds;

    @Test
    void aLongRebuildThatProgressesIsNotTakenOverButAStalledOneIs() {
        // a day ahead: after whatever rebuild this shared database saw for real
        Instant start = Instant.now().plus(Duration.ofDays(1));
        Long first = builds.start(start, 10, start.minus(Reindex.STALE));
        assertThat(first).isNotNull();
        try {
            Instant later = start.plus(Reindex.STALE.multipliedBy(3));
            builds.progress(first, 5, later.minus(Duration.ofMinutes(1)));
            assertThat(builds.start(later, 10, later.minus(Reindex.STALE))).as("progressed a minute ago").isNull();
            Instant stalled = later.plus(Reindex.STALE);
            assertThat(builds.start(stalled, 10, stalled.minus(Reindex.STALE))).as("no progress for 11 minutes")
                    .isEqualTo(first + 1);
        } finally {
            builds.finish(builds.generation(), start);
        }
    }
}
