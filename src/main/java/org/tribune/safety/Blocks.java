package org.tribune.safety;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.follow.FollowCounts;

/** The {@code safety_block} table, and with it the one question feeds ask per request: whom not to show. */
@Repository
class Blocks {
    private final JdbcClient db;
    private final Shields shields;

    Blocks(JdbcClient db, Shields shields) {
        this.db = db;
        this.shields = shields;
    }

    /** A stored block: whom, since when. */
    record Row(long blockerId, long blockedId, Instant since) {
    }

    boolean add(long blockerId, long blockedId, Instant at, boolean endedFollowing, boolean endedFollowed) {
        if (exists(blockerId, blockedId)) {
            return false;
        }
        boolean added = db.sql("insert into safety_block (blocker_id, blocked_id, created_at, ended_following, ended_followed) "
                        + "values (?, ?, ?, ?, ?)")
                .params(blockerId, blockedId, ts(at), endedFollowing, endedFollowed).update() == 1;
        shields.forget(blockerId, blockedId);
        return added;
    }

    boolean remove(long blockerId, long blockedId) {
        boolean removed = db.sql("delete from safety_block where blocker_id = ? and blocked_id = ?").params(blockerId, blockedId)
                .update() == 1;
        shields.forget(blockerId, blockedId);
        return removed;
    }

    boolean exists(long blockerId, long blockedId) {
        return db.sql("select count(*) from safety_block where blocker_id = ? and blocked_id = ?")
                .params(blockerId, blockedId).query(Long.class).single() > 0;
    }

    boolean eitherWay(long a, long b) {
        return db.sql("select count(*) from safety_block where (blocker_id = ? and blocked_id = ?) or (blocker_id = ? and blocked_id = ?)")
                .params(a, b, b, a).query(Long.class).single() > 0;
    }

    /** The people this person blocked, newest block first, at most {@code limit}. */
    List<Row> blockedBy(long blockerId, int limit) {
        return db.sql("select blocker_id, blocked_id, created_at from safety_block where blocker_id = ? order by created_at desc, blocked_id desc limit ?")
                .params(blockerId, limit)
                .query((rs, n) -> new Row(rs.getLong("blocker_id"), rs.getLong("blocked_id"), instant(rs, "created_at"))).list();
    }

    /** What the viewer is shielded from: blocks either way and mutes (expired ones left out), from this node's cache. */
    Shields.Shield shieldOf(long viewerId, Instant now) {
        return shields.of(viewerId, id -> read(id, now));
    }

    /** Mutes (not expired) and blocks either way in one round trip: a person new to the cache costs one. */
    private Shields.Shield read(long viewerId, Instant now) {
        java.util.Map<Long, Instant> muted = new java.util.HashMap<>();
        Set<Long> blocked = new HashSet<>();
        db.sql("select 'm' as what, muted_id as id, until from safety_mute where muter_id = :viewer "
                        + "and (until is null or until > :now) "
                        + "union all select 'b', blocked_id, null from safety_block where blocker_id = :viewer "
                        + "union all select 'b', blocker_id, null from safety_block where blocked_id = :viewer")
                .param("viewer", viewerId).param("now", ts(now))
                .query((rs, n) -> "m".equals(rs.getString("what")) ? muted.put(rs.getLong("id"), instant(rs, "until"))
                        : blocked.add(rs.getLong("id")))
                .list();
        return new Shields.Shield(Set.copyOf(blocked), java.util.Collections.unmodifiableMap(muted));
    }

    /**
     * The follows blocks ended for this person, which their counts still include so that a block cannot be read from
     * a count going down: followers they had among the people they blocked or who blocked them, and likewise whom
     * they followed.
     */
    FollowCounts endedFollows(long accountId) {
        return db.sql("select "
                        + "coalesce(sum(case when (blocked_id = :me and ended_following) or (blocker_id = :me and ended_followed) then 1 else 0 end), 0) as followers, "
                        + "coalesce(sum(case when (blocker_id = :me and ended_following) or (blocked_id = :me and ended_followed) then 1 else 0 end), 0) as following "
                        + "from safety_block where blocker_id = :me or blocked_id = :me")
                .param("me", accountId)
                .query((rs, n) -> new FollowCounts(rs.getLong("followers"), rs.getLong("following"))).single();
    }

    long countBy(long blockerId) {
        return db.sql("select count(*) from safety_block where blocker_id = ?").param(blockerId).query(Long.class).single();
    }

    void eraseAll(long accountId) {
        db.sql("delete from safety_block where blocker_id = ? or blocked_id = ?").params(accountId, accountId).update();
        shields.forgetAll();
    }
}
