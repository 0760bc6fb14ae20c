package org.tribune.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** A node's in-memory counts: many page views become one row per person and day. */
class ActivityBufferTest {
    static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    /** A clock tests move by hand. */
    static final class HandClock extends Clock {
        Instant now = NOON;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final ActivityBuffer buffer = new ActivityBuffer(clock, Duration.ofMinutes(5));

    DayCounts only(ActivityBuffer.Snapshot snapshot, long accountId) {
        return snapshot.days().values().stream().filter(c -> c.accountId() == accountId).findFirst().orElseThrow();
    }

    @Test
    void aThousandPageViewsAndReadsAreOneRowToWrite() {
        for (int i = 0; i < 1000; i++) {
            buffer.pageViewed(7);
            buffer.read(7, List.of((long) i));
            clock.advance(Duration.ofSeconds(3));
        }
        ActivityBuffer.Snapshot taken = buffer.take();
        assertThat(taken.days()).hasSize(1);
        DayCounts counts = only(taken, 7);
        assertThat(counts.day()).isEqualTo(DAY);
        assertThat(counts.visited()).isTrue();
        assertThat(counts.postsRead()).isEqualTo(1000);
        assertThat(counts.readingSeconds()).as("999 gaps of 3 s").isEqualTo(2997);
        assertThat(buffer.take().isEmpty()).as("taken once").isTrue();
    }

    @Test
    void readingTheSameFeedAgainDoesNotReadItsPostsAgainThatDay() {
        List<Long> feed = LongStream.rangeClosed(1, 20).boxed().toList();
        buffer.read(7, feed);
        buffer.read(7, feed);
        assertThat(only(buffer.take(), 7).postsRead()).isEqualTo(20);
        buffer.read(7, feed);
        assertThat(buffer.take().days()).as("still the same day, even after a flush").isEmpty();

        clock.advance(Duration.ofDays(1));
        buffer.read(7, feed);
        DayCounts nextDay = only(buffer.take(), 7);
        assertThat(nextDay.day()).isEqualTo(DAY.plusDays(1));
        assertThat(nextDay.postsRead()).isEqualTo(20);
    }

    @Test
    void aGapLongerThanTheIdleLimitIsTimeAwayNotReading() {
        buffer.pageViewed(7);
        clock.advance(Duration.ofMinutes(5));
        buffer.pageViewed(7);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        buffer.pageViewed(7);
        clock.advance(Duration.ofSeconds(40));
        buffer.pageViewed(7);
        assertThat(only(buffer.take(), 7).readingSeconds()).isEqualTo(300 + 40);
    }

    @Test
    void theFirstPageOfAVisitCountsTheDayButNoReading() {
        buffer.pageViewed(8);
        DayCounts counts = only(buffer.take(), 8);
        assertThat(counts.visited()).isTrue();
        assertThat(counts.readingSeconds()).isZero();
    }

    @Test
    void enteringAPostIsAlsoReadingIt() {
        buffer.entered(7, 42);
        buffer.entered(7, 42);
        buffer.entered(7, 43);
        DayCounts counts = only(buffer.take(), 7);
        assertThat(counts.postsEntered()).as("coming back to a post the same day is not entering it again").isEqualTo(2);
        assertThat(counts.postsRead()).isEqualTo(2);
        assertThat(counts.visited()).as("pages count visits, not events").isFalse();
    }

    @Test
    void likesCountForBothSidesAndRememberWhoLiked() {
        buffer.liked(1, 2);
        buffer.liked(3, 2);
        buffer.liked(2, 2);
        ActivityBuffer.Snapshot taken = buffer.take();
        assertThat(only(taken, 1).likesGiven()).isEqualTo(1);
        assertThat(only(taken, 2).likesReceived()).as("one's own like does not count").isEqualTo(2);
        assertThat(only(taken, 2).likesGiven()).isZero();
        assertThat(taken.likers()).containsOnlyKeys(new ActivityBuffer.Key(2, 1), new ActivityBuffer.Key(2, 3));
    }

    @Test
    void repliesRememberTheirThreads() {
        buffer.replied(5, 100);
        buffer.replied(5, 100);
        buffer.replied(5, 101);
        buffer.published();
        buffer.published();
        ActivityBuffer.Snapshot taken = buffer.take();
        assertThat(only(taken, 5).replies()).isEqualTo(3);
        assertThat(taken.replyThreads()).hasSize(2);
        assertThat(taken.published()).containsEntry(DAY, 2);
    }

    @Test
    void countsThatCouldNotBeWrittenGoOutWithTheNextFlush() {
        buffer.read(7, List.of(1L, 2L));
        buffer.liked(1, 7);
        ActivityBuffer.Snapshot failed = buffer.take();
        buffer.read(7, List.of(3L));
        buffer.giveBack(failed);
        ActivityBuffer.Snapshot retried = buffer.take();
        assertThat(only(retried, 7).postsRead()).isEqualTo(3);
        assertThat(only(retried, 7).likesReceived()).isEqualTo(1);
        assertThat(retried.likers()).hasSize(1);
    }

    @Test
    void countingGoesOnWhileAFlushTakesTheCounts() throws InterruptedException {
        Thread[] readers = new Thread[4];
        for (int t = 0; t < readers.length; t++) {
            long account = t;
            readers[t] = Thread.ofVirtual().start(() -> {
                for (long p = 0; p < 500; p++) {
                    buffer.read(account, List.of(p));
                }
            });
        }
        long total = 0;
        boolean running = true;
        while (running) {
            running = false;
            for (Thread reader : readers) {
                running |= reader.isAlive();
            }
            total += buffer.take().days().values().stream().mapToLong(DayCounts::postsRead).sum();
        }
        total += buffer.take().days().values().stream().mapToLong(DayCounts::postsRead).sum();
        assertThat(total).as("no count lost or doubled").isEqualTo(4 * 500);
    }
}
