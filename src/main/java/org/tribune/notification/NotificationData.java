package org.tribune.notification;

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
 * A person's notifications and digest setting. Notifications name what happened, not who did it: the export does
 * not say who liked or followed (that is in the other person's data, and may be hidden from them since). On
 * erasure, the person's notifications go, and so do the notifications others received about what the person did.
 */
@Component
class NotificationData implements PersonalData {
    static final DataCategory NOTIFICATIONS = new DataCategory("notifications");
    static final DataCategory SETTINGS = new DataCategory("notification-settings");

    private final JdbcClient db;

    private final Inbox inbox;

    NotificationData(JdbcClient db, Inbox inbox) {
        this.db = db;
        this.inbox = inbox;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(NOTIFICATIONS, SETTINGS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(NOTIFICATIONS.name(), db.sql("select count(*) from notification where recipient_id = ?").param(accountId)
                .query(Long.class).single());
        counts.put(SETTINGS.name(), db.sql("select count(*) from notification_setting where account_id = ?").param(accountId)
                .query(Long.class).single());
        return counts;
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(NOTIFICATIONS.name(), db.sql("select kind, group_id, post_id, comment_id, created_at, read_at "
                        + "from notification where recipient_id = ? order by id").param(accountId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", rs.getString("kind"));
                    long post = rs.getLong("post_id");
                    row.put("post", rs.wasNull() ? null : "/p/" + post);
                    long comment = rs.getLong("comment_id");
                    row.put("comment", rs.wasNull() ? null : comment);
                    long group = rs.getLong("group_id");
                    row.put("groupId", rs.wasNull() ? null : group);
                    row.put("published", instant(rs, "created_at"));
                    row.put("readAt", instant(rs, "read_at"));
                    return row;
                }).list());
        out.records(SETTINGS.name(), db.sql("select digest, last_digest_at from notification_setting where account_id = ?")
                .param(accountId).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("digest", rs.getString("digest"));
                    row.put("lastDigestAt", instant(rs, "last_digest_at"));
                    return row;
                }).list());
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        db.sql("delete from notification where recipient_id = ? or actor_id = ?").params(accountId, accountId).update();
        inbox.forgetUnread(); // the rows this person's actions left in other people's notifications went too
        db.sql("delete from notification_setting where account_id = ?").param(accountId).update();
    }
}
