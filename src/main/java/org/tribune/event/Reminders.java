package org.tribune.event;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code event_reminder} table (each reminder sent, once) and {@code event_reminder_setting}. */
@Repository
class Reminders {
    private final JdbcClient db;

    Reminders(JdbcClient db) {
        this.db = db;
    }

    /** Claims the reminder: true only for the first to insert its row, on whichever node. */
    boolean claim(long eventId, long accountId, String kind, Instant at) {
        return db.sql("insert into event_reminder (event_id, account_id, kind, sent_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(eventId, accountId, kind, ts(at)).update() == 1;
    }

    boolean wanted(long accountId) {
        return db.sql("select reminders from event_reminder_setting where account_id = ?").param(accountId)
                .query(Boolean.class).optional().orElse(true);
    }

    void setWanted(long accountId, boolean wanted) {
        if (db.sql("update event_reminder_setting set reminders = ? where account_id = ?").params(wanted, accountId).update() == 0) {
            db.sql("insert into event_reminder_setting (account_id, reminders) values (?, ?) on conflict do nothing")
                    .params(accountId, wanted).update();
        }
    }

    record Sent(long eventId, String kind, java.time.Instant sentAt) {
    }

    java.util.List<Sent> sentTo(long accountId) {
        return db.sql("select event_id, kind, sent_at from event_reminder where account_id = ? order by sent_at, event_id")
                .param(accountId).query((rs, n) -> new Sent(rs.getLong("event_id"), rs.getString("kind"),
                        org.tribune.platform.Sql.instant(rs, "sent_at"))).list();
    }

    long countSent(long accountId) {
        return db.sql("select count(*) from event_reminder where account_id = ?").param(accountId).query(Long.class).single();
    }

    long countSettings(long accountId) {
        return db.sql("select count(*) from event_reminder_setting where account_id = ?").param(accountId).query(Long.class).single();
    }

    void deleteAllOf(long accountId) {
        db.sql("delete from event_reminder where account_id = ?").param(accountId).update();
        db.sql("delete from event_reminder_setting where account_id = ?").param(accountId).update();
    }
}
