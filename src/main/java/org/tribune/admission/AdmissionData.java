package org.tribune.admission;

import static org.tribune.platform.Sql.instant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * A person's place on the waiting list, whether a donation put them first, and the invitation links they made (the
 * invitee's identity is theirs, not the inviter's: the export says only whether a link was used).
 */
@Component
class AdmissionData implements PersonalData {
    static final DataCategory WAITLIST = new DataCategory("waitlist");
    static final DataCategory INVITATIONS = new DataCategory("invitations");

    private final JdbcClient db;

    AdmissionData(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(WAITLIST, INVITATIONS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(WAITLIST.name(), one("select count(*) from admission_queue where account_id = ?", accountId)
                + one("select count(*) from admission_donor where account_id = ?", accountId));
        counts.put(INVITATIONS.name(), one("select count(*) from invitation where inviter_id = ? or used_by = ?", accountId, accountId));
        return counts;
    }

    private long one(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        List<Map<String, Object>> waitlist = new java.util.ArrayList<>();
        waitlist.addAll(db.sql("select verified_at, donor, invited from admission_queue where account_id = ?").param(accountId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", "queue");
                    row.put("verifiedAt", instant(rs, "verified_at"));
                    row.put("donor", rs.getBoolean("donor"));
                    row.put("invited", rs.getBoolean("invited"));
                    return row;
                }).list());
        waitlist.addAll(db.sql("select marked_at from admission_donor where account_id = ?").param(accountId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", "donor");
                    row.put("markedAt", instant(rs, "marked_at"));
                    return row;
                }).list());
        out.records(WAITLIST.name(), waitlist);
        out.records(INVITATIONS.name(), db.sql("select inviter_id, created_at, expires_at, used_at, revoked_at from invitation "
                        + "where inviter_id = ? or used_by = ? order by id").params(accountId, accountId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("type", "Invite");
                    row.put("role", rs.getLong("inviter_id") == accountId ? "made" : "used");
                    row.put("published", instant(rs, "created_at"));
                    row.put("expiresAt", instant(rs, "expires_at"));
                    row.put("usedAt", instant(rs, "used_at"));
                    row.put("revokedAt", instant(rs, "revoked_at"));
                    return row;
                }).list());
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        db.sql("delete from admission_queue where account_id = ?").param(accountId).update();
        db.sql("delete from admission_donor where account_id = ?").param(accountId).update();
        db.sql("delete from invitation where inviter_id = ?").param(accountId).update();
        // A link the person used keeps its used_by id (no text, and clearing it would make the link usable again).
    }
}
