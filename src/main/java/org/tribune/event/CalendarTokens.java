package org.tribune.event;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code event_calendar_token} table: one secret feed address per person, kept as the hash of its token. */
@Repository
class CalendarTokens {
    private final JdbcClient db;

    CalendarTokens(JdbcClient db) {
        this.db = db;
    }

    /** Replaces the person's token (a new address makes the old one stop at once). */
    void put(long accountId, String tokenHash, Instant at) {
        db.sql("delete from event_calendar_token where account_id = ?").param(accountId).update();
        db.sql("insert into event_calendar_token (account_id, token_hash, created_at) values (?, ?, ?)")
                .params(accountId, tokenHash, ts(at)).update();
    }

    Optional<Long> ownerOf(String tokenHash) {
        return db.sql("select account_id from event_calendar_token where token_hash = ?").param(tokenHash)
                .query(Long.class).optional();
    }

    Optional<Instant> createdAt(long accountId) {
        return db.sql("select created_at from event_calendar_token where account_id = ?").param(accountId)
                .query((rs, n) -> instant(rs, "created_at")).optional();
    }

    boolean delete(long accountId) {
        return db.sql("delete from event_calendar_token where account_id = ?").param(accountId).update() > 0;
    }
}
