package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;

/** A job run is claimed by exactly one caller, however many ask at the same moment. */
@IntegrationTest
class ClusterJobsTest {
    @Autowired
    ClusterJobs jobs;

    @Test
    void theFirstClaimWinsAndTheOthersLose() {
        String job = "test-" + UUID.randomUUID();
        assertThat(jobs.claim(job, "2026-11-25")).isTrue();
        assertThat(jobs.claim(job, "2026-11-25")).isFalse();
        assertThat(jobs.claim(job, "2026-11-26")).isTrue();
        assertThat(jobs.claim("other-" + job, "2026-11-25")).isTrue();
    }

    @Test
    void manyConcurrentClaimsOfOneRunGiveExactlyOneWinner() throws Exception {
        String job = "race-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        try (ExecutorService racers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return jobs.claim(job, "run");
                };
                claims.add(racers.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
    }

    @Test
    void aWindowIsClaimedOncePerPeriod() {
        String job = "window-" + UUID.randomUUID();
        assertThat(jobs.claimWindow(job, Duration.ofDays(365))).isTrue();
        assertThat(jobs.claimWindow(job, Duration.ofDays(365))).isFalse();
    }
}
