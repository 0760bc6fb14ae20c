package org.tribune.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;

/** The computation over stored counts, with the default (Discourse) bars. */
@IntegrationTest
class TrustComputationIntegrationTest {
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    Members members;
    @Autowired
    ActivityStore store;
    @Autowired
    TrustLevels levels;
    @Autowired
    TrustComputation computation;
    @Autowired
    NightlyTrustLevels nightly;

    /** Stores {@code days} days of the same counts, ending today. */
    void did(Account account, int days, DayCounts perDay) {
        Map<ActivityBuffer.Key, DayCounts> rows = new HashMap<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = TODAY.minusDays(d);
            rows.put(new ActivityBuffer.Key(account.id(), day.toEpochDay()), new DayCounts(account.id(), day, perDay.visited(),
                    perDay.postsEntered(), perDay.postsRead(), perDay.readingSeconds(), perDay.likesGiven(),
                    perDay.likesReceived(), perDay.replies()));
        }
        store.add(new ActivityBuffer.Snapshot(rows, Map.of(), Map.of(), Map.of()));
    }

    void repliedIn(Account account, int threads) {
        Map<ActivityBuffer.Key, LocalDate> rows = new HashMap<>();
        long first = ThreadLocalRandom.current().nextLong(1L << 40);
        for (int t = 0; t < threads; t++) {
            rows.put(new ActivityBuffer.Key(account.id(), first + t), TODAY);
        }
        store.add(new ActivityBuffer.Snapshot(Map.of(), Map.of(), rows, Map.of()));
    }

    void likedBy(Account account, int people) {
        Map<ActivityBuffer.Key, LocalDate> rows = new HashMap<>();
        long first = ThreadLocalRandom.current().nextLong(1L << 40);
        for (int p = 0; p < people; p++) {
            rows.put(new ActivityBuffer.Key(account.id(), first + p), TODAY);
        }
        store.add(new ActivityBuffer.Snapshot(Map.of(), rows, Map.of(), Map.of()));
    }

    static DayCounts perDay(boolean visited, int entered, int read, int seconds, int given, int received, int replies) {
        return new DayCounts(0, TODAY, visited, entered, read, seconds, given, received, replies);
    }

    /** Level 2 over 15 days: 15 visits, 30 opened, 150 read, 75 minutes, 15 likes each way, and 3 threads. */
    Account member(String prefix) {
        Account account = members.active(prefix);
        did(account, 15, perDay(true, 2, 10, 300, 1, 1, 1));
        repliedIn(account, 3);
        likedBy(account, 1);
        return account;
    }

    @Test
    void theComputationRaisesLevelsFromTheCountsAndLeavesLeadersAlone() {
        Account basic = members.active("basic");
        did(basic, 1, perDay(true, 5, 30, 600, 0, 0, 0));
        Account almost = members.active("almost");
        did(almost, 1, perDay(true, 5, 30, 599, 0, 0, 0));
        Account member = member("member");
        Account leader = members.active("leader");
        levels.grantLeader(leader.id());
        did(leader, 1, perDay(true, 0, 1, 0, 0, 0, 0));

        TrustComputation.Outcome outcome = computation.run();

        assertThat(outcome.examined()).isGreaterThanOrEqualTo(4);
        assertThat(levels.of(basic.id())).isEqualTo(TrustLevel.BASIC);
        assertThat(levels.of(almost.id())).isEqualTo(TrustLevel.NEW);
        assertThat(levels.of(member.id())).isEqualTo(TrustLevel.MEMBER);
        assertThat(levels.of(leader.id())).isEqualTo(TrustLevel.LEADER);
        assertThat(computation.run().changed()).as("a second run finds nothing to change").isZero();
    }

    @Test
    void regularsAreMadeOverTheWindowAndLoseTheLevelBelowNinetyPercent() {
        // 50 days in the window with everything level 3 asks, and far more posts read than any share of the site's.
        Account regular = member("regular");
        did(regular, 50, perDay(true, 1, 1000, 60, 1, 1, 1));
        likedBy(regular, 5);
        Account fading = member("fading");
        levels.set(fading.id(), TrustLevel.REGULAR);
        Account flagged = member("flagged");
        did(flagged, 50, perDay(true, 1, 1000, 60, 1, 1, 1));
        likedBy(flagged, 5);
        levels.set(flagged.id(), TrustLevel.REGULAR);
        for (int i = 0; i < 6; i++) {
            levels.flagUpheldAgainst(flagged.id());
        }

        computation.run();

        assertThat(levels.of(regular.id())).isEqualTo(TrustLevel.REGULAR);
        assertThat(levels.of(fading.id())).as("15 days of 50 is far below 90%").isEqualTo(TrustLevel.MEMBER);
        assertThat(levels.of(flagged.id())).as("six upheld flags").isEqualTo(TrustLevel.MEMBER);
    }

    @Test
    void progressTellsTheOwnerWhatIsLeft() {
        Account ana = members.active("ana");
        did(ana, 1, perDay(true, 2, 12, 300, 0, 0, 0));

        TrustProgress progress = computation.progress(ana.id());

        assertThat(progress.level()).isEqualTo(TrustLevel.NEW);
        assertThat(progress.next()).isEqualTo(TrustLevel.BASIC);
        assertThat(progress.toNext()).containsExactly(Requirement.atLeast("posts-entered", 2, 5),
                Requirement.atLeast("posts-read", 12, 30), Requirement.atLeast("minutes-reading", 5, 10));

        levels.set(ana.id(), TrustLevel.REGULAR);
        TrustProgress regular = computation.progress(ana.id());
        assertThat(regular.hasNext()).isFalse();
        assertThat(regular.toKeep()).extracting(Requirement::name).contains("days-visited", "upheld-flags");
    }

    @Test
    void theNightlyJobRunsOnceADayHoweverManyNodesTry() {
        LocalDate day = LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(100_000));
        assertThat(nightly.run(day)).isTrue();
        assertThat(nightly.run(day)).as("a second node, or a second tick, finds the day taken").isFalse();
        assertThat(nightly.run(day.plusDays(1))).isTrue();
    }
}
