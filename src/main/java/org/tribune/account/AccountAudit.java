package org.tribune.account;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account_audit} table: append-only. */
@Repository
class AccountAudit {
    private final JdbcClient db;

    AccountAudit(JdbcClient db) {
        this.db = db;
    }

    void add(long id, long actorId, long subjectId, String action, String detail, Instant at) {
        db.sql("insert into account_audit (id, actor_id, subject_id, action, detail, at) values (?, ?, ?, ?, ?, ?)")
                .params(id, actorId, subjectId, action, detail, ts(at)).update();
    }

    List<AuditEntry> newestBefore(long beforeId, int limit) {
        return db.sql("select e.id, actor.handle as actor_handle, subject.handle as subject_handle, e.action, e.detail, e.at "
                        + "from account_audit e join account actor on actor.id = e.actor_id "
                        + "join account subject on subject.id = e.subject_id where e.id < ? order by e.id desc limit ?")
                .params(beforeId, limit).query(AccountAudit::entry).list();
    }

    List<AuditEntry> about(long subjectId, int limit) {
        return db.sql("select e.id, actor.handle as actor_handle, subject.handle as subject_handle, e.action, e.detail, e.at "
                        + "from account_audit e join account actor on actor.id = e.actor_id "
                        + "join account subject on subject.id = e.subject_id where e.subject_id = ? order by e.id desc limit ?")
                .params(subjectId, limit).query(AccountAudit::entry).list();
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getString("actor_handle"), rs.getString("subject_handle"),
                rs.getString("action"), rs.getString("detail"), instant(rs, "at"));
    }
}
