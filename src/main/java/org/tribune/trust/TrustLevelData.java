package org.tribune.trust;

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
 * A person's trust level, and the dates of flags against them that moderators upheld (never who flagged: that is
 * not even stored here).
 */
@Component
class TrustLevelData implements PersonalData {
    static final DataCategory TRUST = new DataCategory("trust-level");

    private final JdbcClient db;

    TrustLevelData(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(TRUST);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(TRUST.name(), db.sql("select count(*) from trust_level where account_id = ?").param(accountId)
                .query(Long.class).single()
                + db.sql("select count(*) from trust_upheld_flag where account_id = ?").param(accountId).query(Long.class).single());
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(db.sql(
                        "select level, granted_by_admin, changed_at from trust_level where account_id = ?")
                .param(accountId).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", "level");
                    row.put("level", rs.getInt("level"));
                    row.put("grantedByAdmin", rs.getBoolean("granted_by_admin"));
                    row.put("changedAt", instant(rs, "changed_at"));
                    return row;
                }).list());
        rows.addAll(db.sql("select upheld_at from trust_upheld_flag where account_id = ? order by upheld_at").param(accountId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", "upheld-flag");
                    row.put("upheldAt", instant(rs, "upheld_at"));
                    return row;
                }).list());
        out.records(TRUST.name(), rows);
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        db.sql("delete from trust_level where account_id = ?").param(accountId).update();
        db.sql("delete from trust_upheld_flag where account_id = ?").param(accountId).update();
    }
}
