package org.tribune.safety;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code safety_reach} table: one row for each person who changed the defaults. */
@Repository
class ReachSettings {
    private final JdbcClient db;
    /** Each person's settings (or their absence: the defaults), on this node; evicted by each write below. */
    private final NodeCache<Optional<Reach>> byAccount;

    ReachSettings(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.byAccount = caches.create("reach-settings", 4, r -> 64);
    }

    Optional<Reach> of(long accountId) {
        return byAccount.get(accountId, this::read);
    }

    private Optional<Reach> read(long accountId) {
        return db.sql("select profile_replies, group_invitations, requests_tab, requests_younger_days, open_warnings "
                        + "from safety_reach where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Reach(Reach.Audience.valueOf(rs.getString("profile_replies")),
                        Reach.Audience.valueOf(rs.getString("group_invitations")), rs.getBoolean("requests_tab"),
                        rs.getInt("requests_younger_days"), rs.getBoolean("open_warnings")))
                .optional();
    }

    void save(long accountId, Reach reach) {
        int changed = db.sql("update safety_reach set profile_replies = ?, group_invitations = ?, requests_tab = ?, "
                        + "requests_younger_days = ?, open_warnings = ? where account_id = ?")
                .params(reach.profileReplies().name(), reach.groupInvitations().name(), reach.requestsTab(),
                        reach.requestsYoungerDays(), reach.openWarnings(), accountId)
                .update();
        if (changed == 0) {
            db.sql("insert into safety_reach (account_id, profile_replies, group_invitations, requests_tab, "
                            + "requests_younger_days, open_warnings) values (?, ?, ?, ?, ?, ?)")
                    .params(accountId, reach.profileReplies().name(), reach.groupInvitations().name(), reach.requestsTab(),
                            reach.requestsYoungerDays(), reach.openWarnings())
                    .update();
        }
        byAccount.evict(accountId);
    }

    void erase(long accountId) {
        db.sql("delete from safety_reach where account_id = ?").param(accountId).update();
        byAccount.evict(accountId);
    }
}
