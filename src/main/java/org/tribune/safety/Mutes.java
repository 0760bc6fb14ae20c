package org.tribune.safety;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code safety_mute} table. A mute past its {@code until} is kept until the person lifts it or mutes again. */
@Repository
class Mutes {
    private final JdbcClient db;
    private final Shields shields;

    Mutes(JdbcClient db, Shields shields) {
        this.db = db;
        this.shields = shields;
    }

    record Row(long mutedId, Instant since, Instant until) {
    }

    /** Mutes, or changes how long an existing mute lasts. */
    void put(long muterId, long mutedId, Instant at, Instant until) {
        int changed = db.sql("update safety_mute set until = ? where muter_id = ? and muted_id = ?")
                .params(ts(until), muterId, mutedId).update();
        if (changed == 0) {
            db.sql("insert into safety_mute (muter_id, muted_id, created_at, until) values (?, ?, ?, ?)")
                    .params(muterId, mutedId, ts(at), ts(until)).update();
        }
        shields.forget(muterId);
    }

    boolean remove(long muterId, long mutedId) {
        boolean result = db.sql("delete from safety_mute where muter_id = ? and muted_id = ?").params(muterId, mutedId).update() == 1;
        shields.forget(muterId);
        return result;
    }

    boolean active(long muterId, long mutedId, Instant now) {
        return db.sql("select count(*) from safety_mute where muter_id = ? and muted_id = ? and (until is null or until > ?)")
                .params(muterId, mutedId, ts(now)).query(Long.class).single() > 0;
    }

    /** The person's mutes that still hold, newest first. */
    List<Row> activeOf(long muterId, Instant now, int limit) {
        return db.sql("select muted_id, created_at, until from safety_mute where muter_id = ? and (until is null or until > ?) "
                        + "order by created_at desc, muted_id desc limit ?")
                .params(muterId, ts(now), limit)
                .query((rs, n) -> new Row(rs.getLong("muted_id"), instant(rs, "created_at"), instant(rs, "until"))).list();
    }

    /** Every mute the person made, expired ones too (for their data export). */
    List<Row> allOf(long muterId) {
        return db.sql("select muted_id, created_at, until from safety_mute where muter_id = ? order by created_at")
                .param(muterId)
                .query((rs, n) -> new Row(rs.getLong("muted_id"), instant(rs, "created_at"), instant(rs, "until"))).list();
    }

    void eraseAll(long accountId) {
        db.sql("delete from safety_mute where muter_id = ? or muted_id = ?").params(accountId, accountId).update();
        shields.forgetAll();
    }
}
