package org.tribune.trust;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * What the trust feature holds on a person: their daily activity counts and the threads they replied in
 * ("activity"), their level and the upheld flags against them ("trust-level"). Who liked them is not exported (it is
 * the likers' to tell); only how many different people did. All of it goes when the account is erased, and the
 * person disappears from others' liker counts too.
 */
@Component
class TrustPersonalData implements PersonalData {
    private static final DataCategory ACTIVITY = new DataCategory("activity");
    private static final DataCategory LEVEL = new DataCategory("trust-level");

    private final ActivityStore activity;
    private final TrustLevels levels;
    private final JdbcClient db;

    TrustPersonalData(ActivityStore activity, TrustLevels levels, JdbcClient db) {
        this.activity = activity;
        this.levels = levels;
        this.db = db;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(ACTIVITY, LEVEL);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        long levelRows = db.sql("select count(*) from trust_level where account_id = ?").param(accountId).query(Long.class).single();
        return Map.of(ACTIVITY.name(), activity.dayCount(accountId) + activity.threadCount(accountId),
                LEVEL.name(), levelRows + flags(accountId).size());
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (DayCounts day : activity.days(accountId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", day.day().toString());
            row.put("visited", day.visited());
            row.put("postsOpened", day.postsEntered());
            row.put("postsRead", day.postsRead());
            row.put("readingSeconds", day.readingSeconds());
            row.put("likesGiven", day.likesGiven());
            row.put("likesReceived", day.likesReceived());
            row.put("replies", day.replies());
            records.add(row);
        }
        for (Map<String, Object> thread : activity.threads(accountId)) {
            records.add(Map.of("repliedInPost", thread.get("postId"), "firstDay", thread.get("firstDay")));
        }
        records.add(Map.of("differentPeopleWhoLikedYou", activity.likerCount(accountId)));
        out.records(ACTIVITY.name(), records);

        List<Map<String, Object>> level = new ArrayList<>();
        TrustLevels.Standing standing = levels.standings(List.of(accountId)).get(accountId);
        level.add(Map.of("level", standing.level().number(), "grantedByAdministrator", standing.grantedByAdmin()));
        flags(accountId).forEach(at -> level.add(Map.of("upheldFlagOn", at.toString())));
        out.records(LEVEL.name(), level);
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        activity.erase(accountId);
        db.sql("delete from trust_upheld_flag where account_id = ?").param(accountId).update();
        levels.erase(accountId);
    }

    private List<LocalDate> flags(long accountId) {
        return db.sql("select upheld_at from trust_upheld_flag where account_id = ? order by upheld_at").param(accountId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()).list();
    }
}
