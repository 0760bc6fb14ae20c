package org.tribune.platform;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's number (0..1023), part of every id it makes. Set by {@code tribune.node-id}, or leased from the
 * database: a node takes a number whose lease is free or expired and renews it while it runs, so nodes sharing
 * a database never share a number.
 */
@Component
public class NodeNumber {
    static final int COUNT = 1024;
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(NodeNumber.class);

    private final JdbcClient db;
    private final Clock clock;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final int number;
    private final boolean leased;

    NodeNumber(JdbcClient db, Clock clock, @Value("${tribune.node-id:-1}") int configured) {
        this.db = db;
        this.clock = clock;
        this.leased = configured < 0;
        this.number = leased ? lease() : configured % COUNT;
    }

    public int value() {
        return number;
    }

    private int lease() {
        for (int candidate = 0; candidate < COUNT; candidate++) {
            Timestamp now = Timestamp.from(clock.instant());
            Timestamp until = Timestamp.from(clock.instant().plus(LEASE));
            // Take an expired lease, or insert a new one; either statement changes a row only if the number is free.
            int taken = db.sql("update node_lease set holder = ?, expires_at = ? where node_number = ? and expires_at < ?")
                    .params(holder, until, candidate, now).update();
            if (taken == 0) {
                taken = db.sql("insert into node_lease (node_number, holder, expires_at) select ?, ?, ? "
                                + "where not exists (select 1 from node_lease where node_number = ?)")
                        .params(candidate, holder, until, candidate).update();
            }
            if (taken == 1 && holder.equals(db.sql("select holder from node_lease where node_number = ?")
                    .param(candidate).query(String.class).single())) {
                log.info("This node makes ids as node {}", candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("All " + COUNT + " node numbers are leased; set tribune.node-id");
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void renew() {
        if (leased) {
            int renewed = db.sql("update node_lease set expires_at = ? where node_number = ? and holder = ?")
                    .params(Timestamp.from(clock.instant().plus(LEASE)), number, holder).update();
            if (renewed == 0) {
                log.error("Lost the lease on node number {}; another node may now make the same ids", number);
            }
        }
    }
}
