package org.tribune.platform.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sessions' rows, in Spring Session's own tables (their layout is V1's). Times are epoch milliseconds; the expiry
 * time is what the clean-up and every node go by.
 */
final class SessionRows {
    private static final String SELECT = "select s.primary_id, s.session_id, s.creation_time, s.last_access_time, "
            + "s.max_inactive_interval, s.principal_name, a.attribute_name, a.attribute_bytes from spring_session s "
            + "left join spring_session_attributes a on a.session_primary_id = s.primary_id ";
    /**
     * Two requests of one session may set the same attribute at once: the later write wins instead of failing on the
     * duplicate key. Selecting through the session row writes nothing when the session ended meanwhile (a sign-out on
     * another request), instead of failing on the foreign key.
     */
    private static final String H2_UPSERT = "merge into spring_session_attributes (session_primary_id, attribute_name, "
            + "attribute_bytes) key (session_primary_id, attribute_name) select primary_id, ?, ? from spring_session "
            + "where primary_id = ?";
    private static final String POSTGRES_UPSERT = "insert into spring_session_attributes (session_primary_id, "
            + "attribute_name, attribute_bytes) select primary_id, ?, ? from spring_session where primary_id = ? "
            + "on conflict (session_primary_id, attribute_name) do update set attribute_bytes = excluded.attribute_bytes";

    private final JdbcClient db;
    private final String upsert;

    SessionRows(JdbcClient db, boolean postgres) {
        this.db = db;
        this.upsert = postgres ? POSTGRES_UPSERT : H2_UPSERT;
    }

    Optional<SessionSnapshot> byId(String id) {
        return snapshots(db.sql(SELECT + "where s.session_id = ?").param(id)).stream().findFirst();
    }

    List<SessionSnapshot> byPrincipal(String principalName) {
        return snapshots(db.sql(SELECT + "where s.principal_name = ?").param(principalName));
    }

    void insert(SessionSnapshot session, Instant expiry) {
        db.sql("insert into spring_session (primary_id, session_id, creation_time, last_access_time, "
                        + "max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, ?, ?, ?)")
                .params(session.primaryId(), session.id(), session.creation().toEpochMilli(),
                        session.lastAccess().toEpochMilli(), (int) session.maxInactive().toSeconds(),
                        expiry.toEpochMilli(), session.principalName())
                .update();
    }

    /** False when the session is gone (ended by another request or node): then nothing more is written. */
    boolean update(String primaryId, String id, Instant lastAccess, Duration maxInactive, Instant expiry,
            String principalName) {
        return db.sql("update spring_session set session_id = ?, last_access_time = ?, max_inactive_interval = ?, "
                        + "expiry_time = ?, principal_name = ? where primary_id = ?")
                .params(id, lastAccess.toEpochMilli(), (int) maxInactive.toSeconds(), expiry.toEpochMilli(),
                        principalName, primaryId)
                .update() == 1;
    }

    void putAttribute(String primaryId, String name, byte[] bytes) {
        db.sql(upsert).params(name, bytes, primaryId).update();
    }

    void removeAttribute(String primaryId, String name) {
        db.sql("delete from spring_session_attributes where session_primary_id = ? and attribute_name = ?")
                .params(primaryId, name).update();
    }

    void delete(String id) {
        db.sql("delete from spring_session where session_id = ?").param(id).update();
    }

    int deleteExpired(Instant now) {
        return db.sql("delete from spring_session where expiry_time < ?").param(now.toEpochMilli()).update();
    }

    private static List<SessionSnapshot> snapshots(JdbcClient.StatementSpec query) {
        Map<String, Row> rows = new LinkedHashMap<>();
        query.query(rs -> {
            Row row = rows.computeIfAbsent(rs.getString(1).trim(), primaryId -> {
                try {
                    return new Row(primaryId, rs.getString(2).trim(), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                            rs.getString(6), new HashMap<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String name = rs.getString(7);
            if (name != null) {
                row.attributes().put(name, rs.getBytes(8));
            }
        });
        return rows.values().stream().map(Row::snapshot).toList();
    }

    private record Row(String primaryId, String id, long creation, long lastAccess, int maxInactive, String principal,
            Map<String, byte[]> attributes) {
        SessionSnapshot snapshot() {
            return new SessionSnapshot(primaryId, id, Instant.ofEpochMilli(creation), Instant.ofEpochMilli(lastAccess),
                    Duration.ofSeconds(maxInactive), principal, attributes);
        }
    }
}
