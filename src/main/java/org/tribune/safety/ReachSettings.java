package org.tribune.safety;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code safety_reach} table: one row for each person who changed the defaults. */
@Repository
class ReachSettings {
    private final JdbcClient db;

    ReachSettings(JdbcClient db) {
        this.db = db;
    }

    Optional<Reach> of(long accountId) {
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
    }

    void erase(long accountId) {
        db.sql("delete from safety_reach where account_id = ?").param(accountId).update();
    }
}
