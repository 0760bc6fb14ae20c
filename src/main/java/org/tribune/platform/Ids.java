package org.tribune.platform;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * 64-bit, time-ordered ids made by this node, so feeds sort by id and no central counter is needed:
 * 41 bits of milliseconds since 2026-01-01, 10 bits of node number, 12 bits of sequence.
 */
@Component
public class Ids {
    static final long EPOCH_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final int NODE_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long node;
    private long lastMillis = -1;
    private long sequence;

    @Autowired
    Ids(Clock clock, NodeNumber node) {
        this(clock, node.value());
    }

    /** For tools and tests that make ids without a database. */
    public Ids(Clock clock, int node) {
        this.clock = clock;
        this.node = node % (1 << NODE_BITS);
    }

    public synchronized long next() {
        long now = Math.max(clock.millis() - EPOCH_MILLIS, lastMillis);
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                now = lastMillis + 1; // borrow the next millisecond rather than repeat an id
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return (now << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
    }

    /** The smallest id that could have been made at the given instant: a keyset bound for "since". */
    public static long firstAt(Instant instant) {
        return Math.max(0, instant.toEpochMilli() - EPOCH_MILLIS) << (NODE_BITS + SEQUENCE_BITS);
    }

    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >>> (NODE_BITS + SEQUENCE_BITS)) + EPOCH_MILLIS);
    }
}
