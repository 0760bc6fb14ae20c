package org.tribune.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account_privacy} table: one row per person who changed the defaults. */
@Repository
class AccountPrivacy {
    private final JdbcClient db;

    AccountPrivacy(JdbcClient db) {
        this.db = db;
    }

    PrivacySettings of(long accountId) {
        return db.sql("select * from account_privacy where account_id = ?").param(accountId)
                .query(AccountPrivacy::settings).optional().orElse(PrivacySettings.DEFAULTS);
    }

    Map<Long, PrivacySettings> of(Collection<Long> accountIds) {
        Map<Long, PrivacySettings> found = new HashMap<>();
        if (!accountIds.isEmpty()) {
            db.sql("select * from account_privacy where account_id in (:ids)").param("ids", accountIds)
                    .query((rs, n) -> found.put(rs.getLong("account_id"), settings(rs, n))).list();
        }
        accountIds.forEach(id -> found.putIfAbsent(id, PrivacySettings.DEFAULTS));
        return found;
    }

    boolean isStored(long accountId) {
        return db.sql("select count(*) from account_privacy where account_id = ?").param(accountId)
                .query(Long.class).single() > 0;
    }

    void save(long accountId, PrivacySettings s) {
        int updated = db.sql("update account_privacy set profile_visibility = ?, groups_visibility = ?, follows_visibility = ?, "
                        + "mentions = ?, indexable = ?, findable = ? where account_id = ?")
                .params(s.profile().name(), s.groups().name(), s.follows().name(), s.mentions().name(), s.indexable(),
                        s.findable(), accountId)
                .update();
        if (updated == 0) {
            db.sql("insert into account_privacy (account_id, profile_visibility, groups_visibility, follows_visibility, "
                            + "mentions, indexable, findable) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(accountId, s.profile().name(), s.groups().name(), s.follows().name(), s.mentions().name(),
                            s.indexable(), s.findable())
                    .update();
        }
    }

    void delete(long accountId) {
        db.sql("delete from account_privacy where account_id = ?").param(accountId).update();
    }

    private static PrivacySettings settings(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PrivacySettings(Audience.valueOf(rs.getString("profile_visibility")),
                Audience.valueOf(rs.getString("groups_visibility")), Audience.valueOf(rs.getString("follows_visibility")),
                MentionPolicy.valueOf(rs.getString("mentions")), rs.getBoolean("indexable"), rs.getBoolean("findable"));
    }
}
