package org.tribune.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the event publication registry ({@code event_publication}, V25) for administrators. Completed publications
 * are deleted ({@code spring.modulith.events.completion-mode=delete}), so every row is pending.
 */
@Repository
class PendingEvents {
    private static final String COLUMNS = "id, listener_id, event_type, serialized_event, publication_date, status, "
            + "completion_attempts, last_resubmission_date";
    private static final RowMapper<PendingEvent> ROW = (rs, n) -> new PendingEvent(rs.getObject("id", UUID.class),
            rs.getString("listener_id"), rs.getString("event_type"), rs.getString("serialized_event"),
            Sql.instant(rs, "publication_date"), rs.getString("status"), rs.getInt("completion_attempts"),
            Sql.instant(rs, "last_resubmission_date"));

    private final JdbcClient db;

    PendingEvents(JdbcClient db) {
        this.db = db;
    }

    long count() {
        return db.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    /** Oldest first: the longest waiting are the ones to look at. */
    List<PendingEvent> oldest(int limit) {
        return db.sql("select " + COLUMNS + " from event_publication where completion_date is null "
                        + "order by publication_date, id limit ?")
                .param(limit).query(ROW).list();
    }

    Optional<PendingEvent> byId(UUID id) {
        return db.sql("select " + COLUMNS + " from event_publication where id = ? and completion_date is null")
                .param(id).query(ROW).optional();
    }
}
