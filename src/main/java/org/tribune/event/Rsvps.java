package org.tribune.event;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code event_rsvp} table: answers, and the waiting list in the order people joined it. */
@Repository
class Rsvps {
    private static final String COLUMNS = "event_id, account_id, status, queued_at, answered_at";
    private static final RowMapper<Attendee> ATTENDEE = Rsvps::attendee;

    private final JdbcClient db;

    Rsvps(JdbcClient db) {
        this.db = db;
    }

    private static Attendee attendee(ResultSet rs, int row) throws SQLException {
        return new Attendee(rs.getLong("event_id"), rs.getLong("account_id"), RsvpStatus.valueOf(rs.getString("status")),
                rs.getLong("queued_at"), instant(rs, "answered_at"));
    }

    Optional<Attendee> of(long eventId, long accountId) {
        return db.sql("select " + COLUMNS + " from event_rsvp where event_id = ? and account_id = ?")
                .params(eventId, accountId).query(ATTENDEE).optional();
    }

    /** This person's answers to these events, by event id. */
    Map<Long, RsvpStatus> statusesOf(long accountId, Collection<Long> eventIds) {
        Map<Long, RsvpStatus> statuses = new HashMap<>();
        if (eventIds.isEmpty()) {
            return statuses;
        }
        db.sql("select event_id, status from event_rsvp where account_id = :account and event_id in (:events)")
                .param("account", accountId).param("events", eventIds)
                .query((rs, n) -> statuses.put(rs.getLong("event_id"), RsvpStatus.valueOf(rs.getString("status")))).list();
        return statuses;
    }

    /** Sets the answer; the first answer of the person inserts it (callers hold the event's lock). */
    void put(long eventId, long accountId, RsvpStatus status, long queuedAt, Instant at) {
        if (db.sql("update event_rsvp set status = ?, queued_at = ?, answered_at = ? where event_id = ? and account_id = ?")
                .params(status.name(), queuedAt, ts(at), eventId, accountId).update() == 0) {
            db.sql("insert into event_rsvp (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
                    .params(eventId, accountId, status.name(), queuedAt, ts(at)).update();
        }
    }

    int count(long eventId, RsvpStatus status) {
        return db.sql("select count(*) from event_rsvp where event_id = ? and status = ?").params(eventId, status.name())
                .query(Integer.class).single();
    }

    /** Of each of these events, how many are going ([0]) and waiting ([1]). */
    Map<Long, int[]> counts(Collection<Long> eventIds) {
        Map<Long, int[]> counts = new HashMap<>();
        if (eventIds.isEmpty()) {
            return counts;
        }
        db.sql("select event_id, status, count(*) as n from event_rsvp where event_id in (:events) "
                        + "and status in ('GOING', 'WAITLISTED') group by event_id, status")
                .param("events", eventIds)
                .query((rs, row) -> counts.computeIfAbsent(rs.getLong("event_id"), id -> new int[2])
                        ["GOING".equals(rs.getString("status")) ? 0 : 1] = rs.getInt("n"))
                .list();
        return counts;
    }

    /** The first people waiting, in the order they came. */
    List<Attendee> firstWaiting(long eventId, int limit) {
        return db.sql("select " + COLUMNS + " from event_rsvp where event_id = ? and status = 'WAITLISTED' "
                        + "order by queued_at, account_id limit ?")
                .params(eventId, limit).query(ATTENDEE).list();
    }

    /** Everyone who answered, going first, then waiting in order, maybe, declined. */
    List<Attendee> all(long eventId, int limit) {
        return db.sql("select " + COLUMNS + " from event_rsvp where event_id = ? order by case status when 'GOING' then 0 "
                        + "when 'WAITLISTED' then 1 when 'MAYBE' then 2 else 3 end, queued_at, account_id limit ?")
                .params(eventId, limit).query(ATTENDEE).list();
    }

    /** The ids of the events this person is going to. */
    List<Long> goingEventIds(long accountId) {
        return db.sql("select event_id from event_rsvp where account_id = ? and status = 'GOING'").param(accountId)
                .query(Long.class).list();
    }

    /** Everyone going to this event. */
    List<Long> goingIds(long eventId) {
        return db.sql("select account_id from event_rsvp where event_id = ? and status = 'GOING' order by account_id")
                .param(eventId).query(Long.class).list();
    }

    /** This person's answers to events of one group: withdrawn when they leave it. */
    List<Long> eventIdsWantingPlaceIn(long accountId, long groupId) {
        return db.sql("select r.event_id from event_rsvp r join group_event e on e.id = r.event_id "
                        + "where r.account_id = ? and e.group_id = ? and r.status in ('GOING', 'WAITLISTED', 'MAYBE')")
                .params(accountId, groupId).query(Long.class).list();
    }

    List<Attendee> allOf(long accountId) {
        return db.sql("select " + COLUMNS + " from event_rsvp where account_id = ? order by event_id").param(accountId)
                .query(ATTENDEE).list();
    }

    void deleteAllOf(long accountId) {
        db.sql("delete from event_rsvp where account_id = ?").param(accountId).update();
    }
}
