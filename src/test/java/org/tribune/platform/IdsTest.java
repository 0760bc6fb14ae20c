package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsGrowWithTimeAndNeverRepeat() {
        Ids ids = new Ids(Clock.systemUTC(), 7);
        long previous = 0;
        for (int i = 0; i < 100_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void idsAreUniqueAcrossThreads() {
        Ids ids = new Ids(Clock.systemUTC(), 3);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> assertThat(seen.add(ids.next())).isTrue());
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void anIdTellsWhenItWasMade() {
        Instant at = Instant.parse("2026-11-25T10:15:30.123Z");
        Ids ids = new Ids(Clock.fixed(at, ZoneOffset.UTC), 1);
        long id = ids.next();
        assertThat(Ids.timeOf(id)).isEqualTo(at);
        assertThat(Ids.firstAt(at)).isLessThanOrEqualTo(id);
        assertThat(Ids.firstAt(at.plusMillis(1))).isGreaterThan(id);
    }

    @Test
    void aStoppedClockStillGivesDistinctGrowingIds() {
        Ids ids = new Ids(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), 1);
        long previous = 0;
        for (int i = 0; i < 10_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }
}
