package org.tribune.event;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.HeapBytes;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code group_event} table, and each group's {@code event_group_setting}. */
@Repository
class Events {
    private static final String COLUMNS = "id, group_id, creator_id, title, description, description_html, starts_at, "
            + "ends_at, time_zone, place, online_url, capacity, attendees_hidden, cancelled_at, created_at, updated_at";
    private static final RowMapper<Event> EVENT = Events::event;

    /** How many of a group's soonest events this node keeps: a home page shows three, a group's page three. */
    static final int SOONEST_KEPT = 5;
    private static final Comparator<Event> SOONEST_FIRST = Comparator.comparing(Event::start).thenComparingLong(Event::id);

    private final JdbcClient db;
    /**
     * Each group's soonest events still to come (at most {@link #SOONEST_KEPT}; none is a value too), on this node:
     * every home page shows the soonest of its reader's groups, which asked the database at every page although
     * events change rarely. Every change of an event evicts its group here and on every node.
     */
    private final NodeCache<List<Event>> soonestInGroup;

    Events(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.soonestInGroup = caches.create("soonest-events", 4,
                events -> 32 + events.stream().mapToInt(Events::bytes).sum());
    }

    private static int bytes(Event e) {
        return 160 + HeapBytes.of(e.title(), e.description(), e.descriptionHtml(), e.place(), e.onlineUrl(), e.timeZone());
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        long creator = rs.getLong("creator_id");
        Long creatorId = rs.wasNull() ? null : creator;
        int capacity = rs.getInt("capacity");
        Integer cap = rs.wasNull() ? null : capacity;
        return new Event(rs.getLong("id"), rs.getLong("group_id"), creatorId, rs.getString("title"),
                rs.getString("description"), rs.getString("description_html"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getString("time_zone"), rs.getString("place"), rs.getString("online_url"),
                cap, rs.getBoolean("attendees_hidden"), instant(rs, "cancelled_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    void insert(Event e) {
        db.sql("insert into group_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.groupId(), e.creatorId(), e.title(), e.description(), e.descriptionHtml(), ts(e.start()),
                        ts(e.end()), e.timeZone(), e.place(), e.onlineUrl(), e.capacity(), e.attendeesHidden(),
                        ts(e.cancelledAt()), ts(e.createdAt()), ts(e.updatedAt()))
                .update();
        soonestInGroup.evict(e.groupId());
    }

    void update(Event e) {
        db.sql("update group_event set title = ?, description = ?, description_html = ?, starts_at = ?, ends_at = ?, "
                        + "time_zone = ?, place = ?, online_url = ?, capacity = ?, attendees_hidden = ?, updated_at = ? where id = ?")
                .params(e.title(), e.description(), e.descriptionHtml(), ts(e.start()), ts(e.end()), e.timeZone(), e.place(),
                        e.onlineUrl(), e.capacity(), e.attendeesHidden(), ts(e.updatedAt()), e.id())
                .update();
        groupOf(e.id()).ifPresent(soonestInGroup::evict);
    }

    private Optional<Long> groupOf(long eventId) {
        return db.sql("select group_id from group_event where id = ?").param(eventId).query(Long.class).optional();
    }

    /** Marks it cancelled once; false when it already was. */
    boolean cancel(long id, Instant at) {
        boolean cancelled = db.sql("update group_event set cancelled_at = ?, updated_at = ? where id = ? and cancelled_at is null")
                .params(ts(at), ts(at), id).update() == 1;
        if (cancelled) {
            groupOf(id).ifPresent(soonestInGroup::evict);
        }
        return cancelled;
    }

    Optional<Event> byId(long id) {
        return db.sql("select " + COLUMNS + " from group_event where id = ?").param(id).query(EVENT).optional();
    }

    /**
     * The event, its row locked until the transaction ends: every change of who holds a place goes through here
     * first, so two people can never take the last place (on PostgreSQL and H2 alike).
     */
    Optional<Event> lockById(long id) {
        return db.sql("select " + COLUMNS + " from group_event where id = ? for update").param(id).query(EVENT).optional();
    }

    List<Event> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from group_event where id in (:ids)").param("ids", ids).query(EVENT).list();
    }

    /** Events of these groups that end after {@code now}, soonest first, after the cursor event (null: from the start). */
    List<Event> upcomingIn(Collection<Long> groupIds, Instant now, Event after, int limit) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        if (after == null && limit <= SOONEST_KEPT && soonestInGroup.answers()) {
            List<Event> soonest = soonest(groupIds, now, limit);
            if (soonest != null) {
                return soonest;
            }
        }
        return db.sql("select " + COLUMNS + " from group_event where group_id in (:groups) and ends_at > :now "
                        + "and (starts_at > :afterStart or (starts_at = :afterStart and id > :afterId)) "
                        + "order by starts_at, id limit :limit")
                .param("groups", groupIds).param("now", ts(now))
                .param("afterStart", ts(after == null ? Instant.EPOCH : after.start()))
                .param("afterId", after == null ? Long.MIN_VALUE : after.id()).param("limit", limit)
                .query(EVENT).list();
    }

    /**
     * The first page of {@link #upcomingIn} from the events each group keeps, or null when a group kept as many as it
     * may and some of them are over since: events it did not keep may then come before the others.
     */
    private List<Event> soonest(Collection<Long> groupIds, Instant now, int limit) {
        List<Event> coming = new ArrayList<>();
        for (List<Event> kept : soonestInGroup.getAll(groupIds, ids -> soonestOf(ids, now)).values()) {
            for (Event e : kept) {
                if (e.end().isAfter(now)) {
                    coming.add(e);
                } else if (kept.size() == SOONEST_KEPT) {
                    soonestInGroup.evict(e.groupId());
                    return null;
                }
            }
        }
        coming.sort(SOONEST_FIRST);
        return coming.size() <= limit ? coming : List.copyOf(coming.subList(0, limit));
    }

    /** Each group's soonest events still to come, at most {@link #SOONEST_KEPT}, an empty list for a group with none. */
    private Map<Long, List<Event>> soonestOf(Set<Long> groupIds, Instant now) {
        Map<Long, List<Event>> byGroup = new HashMap<>();
        groupIds.forEach(id -> byGroup.put(id, new ArrayList<>()));
        db.sql("select " + COLUMNS + " from (select " + COLUMNS + ", row_number() over (partition by group_id "
                        + "order by starts_at, id) as soon from group_event where group_id in (:groups) and ends_at > :now) e "
                        + "where soon <= :kept order by starts_at, id")
                .param("groups", groupIds).param("now", ts(now)).param("kept", SOONEST_KEPT)
                .query(EVENT).list().forEach(e -> byGroup.get(e.groupId()).add(e));
        byGroup.replaceAll((id, events) -> List.copyOf(events));
        return byGroup;
    }

    /** Events this person is going to or waiting for that end after {@code now}, soonest first, after the cursor. */
    List<Event> upcomingGoing(long accountId, Instant now, Event after, int limit) {
        return db.sql("select " + COLUMNS.replaceAll("(^|, )", "$1e.") + " from group_event e join event_rsvp r on r.event_id = e.id "
                        + "where r.account_id = :account and r.status in ('GOING', 'WAITLISTED') and e.ends_at > :now "
                        + "and (e.starts_at > :afterStart or (e.starts_at = :afterStart and e.id > :afterId)) "
                        + "order by e.starts_at, e.id limit :limit")
                .param("account", accountId).param("now", ts(now))
                .param("afterStart", ts(after == null ? Instant.EPOCH : after.start()))
                .param("afterId", after == null ? Long.MIN_VALUE : after.id()).param("limit", limit)
                .query(EVENT).list();
    }

    /** A group's events that are over, latest first, before the cursor event (null: from the latest). */
    List<Event> pastIn(long groupId, Instant now, Event before, int limit) {
        return db.sql("select " + COLUMNS + " from group_event where group_id = :group and ends_at <= :now "
                        + "and (starts_at < :beforeStart or (starts_at = :beforeStart and id < :beforeId)) "
                        + "order by starts_at desc, id desc limit :limit")
                .param("group", groupId).param("now", ts(now))
                .param("beforeStart", ts(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before.start()))
                .param("beforeId", before == null ? Long.MAX_VALUE : before.id()).param("limit", limit)
                .query(EVENT).list();
    }

    /** Events not cancelled that start in ({@code from}, {@code to}]: those a reminder may be due for. */
    List<Event> startingBetween(Instant from, Instant to) {
        return db.sql("select " + COLUMNS + " from group_event where starts_at > ? and starts_at <= ? and cancelled_at is null "
                        + "order by starts_at, id")
                .params(ts(from), ts(to)).query(EVENT).list();
    }

    /** Events this person created (their personal data). */
    List<Event> createdBy(long accountId) {
        return db.sql("select " + COLUMNS + " from group_event where creator_id = ? order by id").param(accountId)
                .query(EVENT).list();
    }

    /** On erasure the event stays for the group; it no longer says who created it. */
    void forgetCreator(long accountId) {
        if (db.sql("update group_event set creator_id = null where creator_id = ?").param(accountId).update() > 0) {
            soonestInGroup.evictAll();
        }
    }

    /** Events this person created, with their answers and reminders (cascade): their content, when they chose so. */
    void deleteCreatedBy(long accountId) {
        if (db.sql("delete from group_event where creator_id = ?").param(accountId).update() > 0) {
            soonestInGroup.evictAll();
        }
    }

    boolean membersMayCreate(long groupId) {
        return db.sql("select members_create from event_group_setting where group_id = ?").param(groupId)
                .query(Boolean.class).optional().orElse(false);
    }

    void setMembersMayCreate(long groupId, boolean allowed) {
        if (db.sql("update event_group_setting set members_create = ? where group_id = ?").params(allowed, groupId).update() == 0) {
            db.sql("insert into event_group_setting (group_id, members_create) values (?, ?) on conflict do nothing")
                    .params(groupId, allowed).update();
        }
    }
}
