package org.tribune.group;

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
 * What groups hold on a person: their memberships, their join requests (with their answers), the bans against them
 * (when and why, never who banned) and the invitations they received. Groups they created stay: they belong to their
 * members; only the creator's id remains, which points at "former member" once the account is erased.
 */
@Component
class GroupData implements PersonalData {
    static final DataCategory MEMBERSHIPS = new DataCategory("memberships");
    static final DataCategory REQUESTS = new DataCategory("join-requests");
    static final DataCategory BANS = new DataCategory("group-bans");
    static final DataCategory INVITATIONS = new DataCategory("group-invitations");

    private final JdbcClient db;
    private final Memberships memberships;
    private final Groups groups;

    GroupData(JdbcClient db, Memberships memberships, Groups groups) {
        this.db = db;
        this.memberships = memberships;
        this.groups = groups;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(MEMBERSHIPS, REQUESTS, BANS, INVITATIONS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(MEMBERSHIPS.name(), count("group_member", accountId));
        counts.put(REQUESTS.name(), count("group_join_request", accountId));
        counts.put(BANS.name(), count("group_ban", accountId));
        counts.put(INVITATIONS.name(), count("group_invitation", accountId));
        return counts;
    }

    private long count(String table, long accountId) {
        return db.sql("select count(*) from " + table + " where account_id = ?").param(accountId).query(Long.class).single();
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(MEMBERSHIPS.name(), db.sql("select g.slug, g.name, m.role, m.since from group_member m "
                        + "join topic_group g on g.id = m.group_id where m.account_id = ? order by m.since")
                .param(accountId).query((rs, n) -> row("type", "Join", "group", rs.getString("slug"),
                        "groupName", rs.getString("name"), "role", rs.getString("role"), "published", instant(rs, "since")))
                .list());
        out.records(REQUESTS.name(), db.sql("select g.slug, g.name, r.answers, r.created_at from group_join_request r "
                        + "join topic_group g on g.id = r.group_id where r.account_id = ? order by r.created_at")
                .param(accountId).query((rs, n) -> row("group", rs.getString("slug"), "groupName", rs.getString("name"),
                        "answers", rs.getString("answers"), "published", instant(rs, "created_at")))
                .list());
        out.records(BANS.name(), db.sql("select g.slug, g.name, b.reason, b.since from group_ban b "
                        + "join topic_group g on g.id = b.group_id where b.account_id = ? order by b.since")
                .param(accountId).query((rs, n) -> row("type", "Block", "group", rs.getString("slug"),
                        "groupName", rs.getString("name"), "reason", rs.getString("reason"), "published", instant(rs, "since")))
                .list());
        out.records(INVITATIONS.name(), db.sql("select g.slug, g.name, i.created_at from group_invitation i "
                        + "join topic_group g on g.id = i.group_id where i.account_id = ? order by i.created_at")
                .param(accountId).query((rs, n) -> row("type", "Invite", "group", rs.getString("slug"),
                        "groupName", rs.getString("name"), "published", instant(rs, "created_at")))
                .list());
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        db.sql("update topic_group set member_count = member_count - 1 where id in "
                + "(select group_id from group_member where account_id = ?)").param(accountId).update();
        db.sql("delete from group_member where account_id = ?").param(accountId).update();
        db.sql("delete from group_join_request where account_id = ?").param(accountId).update();
        db.sql("delete from group_ban where account_id = ?").param(accountId).update();
        db.sql("delete from group_invitation where account_id = ? or invited_by = ?").params(accountId, accountId).update();
        memberships.forget(accountId);
        groups.forgetAll();
    }
}
