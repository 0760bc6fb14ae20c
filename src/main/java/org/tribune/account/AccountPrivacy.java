package org.tribune.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code account_privacy} table: one row per person who changed the defaults. */
@Repository
class AccountPrivacy {
    private final JdbcClient db;
    /**
     * Each person's settings (the defaults for the many who kept them), on this node: every people search and profile
     * asks. Evicted by each write below, on every node through the bus; not trusted while the bus is down.
     */
    private final NodeCache<PrivacySettings> byAccount;

    AccountPrivacy(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.byAccount = caches.create("privacy-settings", 8, s -> 48);
    }

    PrivacySettings of(long accountId) {
        return byAccount.get(accountId, id -> db.sql("select * from account_privacy where account_id = ?").param(id)
                .query(AccountPrivacy::settings).optional().orElse(PrivacySettings.DEFAULTS));
    }

    Map<Long, PrivacySettings> of(Collection<Long> accountIds) {
        return byAccount.getAll(accountIds, this::read);
    }

    private Map<Long, PrivacySettings> read(Collection<Long> accountIds) {
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
        byAccount.evict(accountId);
    }

    void delete(long accountId) {
        db.sql("delete from account_privacy where account_id = ?").param(accountId).update();
        byAccount.evict(accountId);
    }

    private static PrivacySettings settings(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PrivacySettings(Audience.valueOf(rs.getString("profile_visibility")),
                Audience.valueOf(rs.getString("groups_visibility")), Audience.valueOf(rs.getString("follows_visibility")),
                MentionPolicy.valueOf(rs.getString("mentions")), rs.getBoolean("indexable"), rs.getBoolean("findable"));
    }
}
