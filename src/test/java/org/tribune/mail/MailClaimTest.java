package org.tribune.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.platform.Ids;

/**
 * Several nodes deliver the same outbox: each message is claimed by one conditional update, so when many delivery
 * rounds reach the same message at once exactly one of them sends it.
 */
@IntegrationTest
class MailClaimTest {
    @Autowired
    MailOutbox outbox;
    @Autowired
    Ids ids;
    @Autowired
    JdbcClient db;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /**
     * A message the background delivery of this test node leaves alone: its attempts are used up in the transaction
     * that adds it (a delivery round between the two statements claimed it once, and no racing round could then).
     */
    private long message(String recipient, Instant now) {
        long id = ids.next();
        transactions.executeWithoutResult(s -> {
            outbox.add(new MailMessage(id, recipient, "Subject", "Body", now, null));
            db.sql("update mail_message set attempts = 100 where id = ?").param(id).update();
        });
        return id;
    }

    @Test
    void aMessageIsClaimedByExactlyOneOfManyRacingRounds() throws Exception {
        Instant now = Instant.now();
        long id = message("claim@example.org", now);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        try (ExecutorService rounds = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                claims.add(rounds.submit(() -> {
                    start.await();
                    return outbox.claim(id, now, now.minus(Duration.ofMinutes(2)));
                }));
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
    void aFreshClaimIsNotTakenAgainButAStaleOneIs() {
        Instant now = Instant.now();
        long id = message("stale@example.org", now);
        assertThat(outbox.claim(id, now, now.minus(Duration.ofMinutes(2)))).isTrue();
        assertThat(outbox.claim(id, now.plusSeconds(10), now.plusSeconds(10).minus(Duration.ofMinutes(2)))).isFalse();
        Instant later = now.plus(Duration.ofMinutes(3));
        assertThat(outbox.claim(id, later, later.minus(Duration.ofMinutes(2)))).isTrue();
    }
}
