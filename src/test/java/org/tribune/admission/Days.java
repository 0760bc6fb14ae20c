package org.tribune.admission;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Days for test runs of the admission job, far from today and from each other, since the database is shared. */
final class Days {
    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000));

    private Days() {
    }

    static LocalDate unused() {
        return LocalDate.of(3000, 1, 1).plusDays(NEXT.getAndAdd(1 + ThreadLocalRandom.current().nextInt(10)));
    }
}
