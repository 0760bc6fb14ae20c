package org.tribune.wiki;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code wiki_mode}: a group's edit mode (scope GROUP) and moderators' overrides of one document. */
@Repository
class EditModes {
    static final String GROUP = "GROUP";

    private final JdbcClient db;

    EditModes(JdbcClient db) {
        this.db = db;
    }

    Optional<EditMode> of(String scope, long id) {
        return db.sql("select mode from wiki_mode where kind = ? and document_id = ?").params(scope, id)
                .query(String.class).optional().map(EditMode::valueOf);
    }

    /** Sets the mode, or with null removes the override (the group's mode applies again). */
    void set(String scope, long id, EditMode mode, long setBy, Instant at) {
        if (mode == null) {
            db.sql("delete from wiki_mode where kind = ? and document_id = ?").params(scope, id).update();
            return;
        }
        int changed = db.sql("update wiki_mode set mode = ?, set_by = ?, set_at = ? where kind = ? and document_id = ?")
                .params(mode.name(), setBy, ts(at), scope, id).update();
        if (changed == 0) {
            db.sql("insert into wiki_mode (kind, document_id, mode, set_by, set_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(scope, id, mode.name(), setBy, ts(at)).update();
        }
    }

    long countSetBy(long accountId) {
        return db.sql("select count(*) from wiki_mode where set_by = ?").param(accountId).query(Long.class).single();
    }
}
