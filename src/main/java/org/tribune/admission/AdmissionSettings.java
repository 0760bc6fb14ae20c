package org.tribune.admission;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code admission_setting} row (made by the migration): the daily quota every node reads from the database. */
@Repository
class AdmissionSettings {
    private final JdbcClient db;

    AdmissionSettings(JdbcClient db) {
        this.db = db;
    }

    /** Empty when no administrator set a quota yet; otherwise the stored quota, which is empty when unlimited. */
    Optional<OptionalInt> dailyQuota() {
        return db.sql("select daily_quota from admission_setting where id = 1 and quota_set")
                .query((rs, n) -> {
                    int value = rs.getInt("daily_quota");
                    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
                }).optional();
    }

    void setDailyQuota(Integer quota, long adminId, Instant at) {
        db.sql("update admission_setting set daily_quota = ?, quota_set = true, updated_at = ?, updated_by = ? where id = 1")
                .params(quota, Waitlist.ts(at), adminId).update();
    }
}
