package org.tribune.donation;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code stripe_event} table: each event once, and those waiting for what they refer to. */
@Repository
class StripeEvents {
    record Waiting(String id, String type, String payload) {
    }

    private final JdbcClient db;

    StripeEvents(JdbcClient db) {
        this.db = db;
    }

    /** Notes an event; false if it was seen before. The primary key decides between concurrent deliveries. */
    boolean insert(String id, String type, String payload, Instant at) {
        return db.sql("insert into stripe_event (id, event_type, payload, applied, received_at) select ?, ?, ?, false, ? "
                        + "where not exists (select 1 from stripe_event where id = ?)")
                .params(id, type, payload, Donations.ts(at), id).update() == 1;
    }

    /** Takes a waiting event for this transaction; false if another took it or it was applied meanwhile. */
    boolean claim(String id) {
        return db.sql("update stripe_event set applied = true where id = ? and applied = false").param(id).update() == 1;
    }

    void release(String id) {
        db.sql("update stripe_event set applied = false where id = ?").param(id).update();
    }

    /** Waiting events received since {@code since}, oldest first; older ones are left for a person to look at. */
    List<Waiting> waiting(Instant since, int limit) {
        return db.sql("select id, event_type, payload from stripe_event where applied = false and received_at >= ? "
                        + "order by received_at, id limit ?")
                .params(Donations.ts(since), limit).query((rs, n) -> new Waiting(rs.getString("id"), rs.getString("event_type"), rs.getString("payload")))
                .list();
    }

    boolean applied(String id) {
        return db.sql("select count(*) from stripe_event where id = ? and applied = true").param(id).query(Long.class).single() > 0;
    }
}
