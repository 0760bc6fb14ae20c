package org.tribune.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;

/**
 * For random populations of the queue, the position a person is shown is their index in the order the daily run
 * walks the queue, and that order is the rule: donors, then invited people, then by verification time, then id.
 */
@IntegrationTest
class AdmissionPositionPropertyTest {
    /** Donors (invited or not), then invited people, then everyone else; within each, by time then id. */
    private static final Comparator<QueueEntry> RULE = Comparator
            .comparingInt((QueueEntry e) -> e.donor() ? 0 : e.invited() ? 1 : 2)
            .thenComparing(QueueEntry::verifiedAt).thenComparingLong(QueueEntry::accountId);

    @Autowired
    AdmissionService admission;
    @Autowired
    Waitlist waitlist;

    @Test
    void thePositionShownIsTheIndexInTheOrderTheRunWalks() {
        admission.setDailyQuota(null, 0);
        admission.run(Days.unused()); // an empty queue to start from (but for suspended people, set aside here)
        waitlist.first(10_000).forEach(e -> waitlist.remove(e.accountId()));
        Random random = new Random(20261125L);
        for (int round = 0; round < 25; round++) {
            List<QueueEntry> population = population(random);
            try {
                population.forEach(waitlist::add);
                List<QueueEntry> walked = walk(1 + random.nextInt(7));

                assertThat(walked).as("round %d", round).hasSize(population.size());
                assertThat(walked).as("round %d", round).isSortedAccordingTo(RULE);
                for (int i = 0; i < walked.size(); i++) {
                    assertThat(admission.position(walked.get(i).accountId())).as("round %d, index %d", round, i)
                            .hasValue(i + 1);
                }
            } finally {
                population.forEach(e -> waitlist.remove(e.accountId()));
            }
        }
    }

    /** The queue as the daily run reads it: the first entries, then the ones after the last seen, a batch at a time. */
    private List<QueueEntry> walk(int batch) {
        List<QueueEntry> walked = new ArrayList<>();
        List<QueueEntry> page = waitlist.first(batch);
        while (!page.isEmpty()) {
            walked.addAll(page);
            page = waitlist.after(page.getLast(), batch);
        }
        return walked;
    }

    /** Up to 40 entries with few distinct times, so ties on time (decided by id) are common. Ids are not real accounts. */
    private static List<QueueEntry> population(Random random) {
        int size = random.nextInt(41);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        Set<Long> ids = new HashSet<>();
        List<QueueEntry> entries = new ArrayList<>();
        while (entries.size() < size) {
            long id = 9_000_000_000_000_000_000L + random.nextInt(1_000_000);
            if (ids.add(id)) {
                entries.add(new QueueEntry(id, base.plusMillis(random.nextInt(6) * 1_000L + random.nextInt(2)),
                        random.nextInt(5) == 0, random.nextInt(4) == 0));
            }
        }
        return entries;
    }
}
