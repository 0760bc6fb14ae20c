package org.tribune.follow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code follow} table. Lists are keyset-paged by account id, newest accounts first, along an index. */
@Repository
class Follows {
    private final JdbcClient db;

    /** Whom each person follows, on this node: the authors their home feed walks (evicted by each write below). */
    private final NodeCache<Set<Long>> followees;

    Follows(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.followees = caches.create("followees", 32, ids -> 32 + 24 * ids.size());
    }

    /** Adds a follow; false if it already existed. Atomic, so two requests racing make one follow. */
    boolean add(long followerId, long followeeId, Instant at) {
        boolean result = db.sql("insert into follow (follower_id, followee_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(followerId, followeeId, Timestamp.from(at)).update() == 1;
        followees.evict(followerId);
        return result;
    }

    boolean remove(long followerId, long followeeId) {
        boolean result = db.sql("delete from follow where follower_id = ? and followee_id = ?")
                .params(followerId, followeeId).update() == 1;
        followees.evict(followerId);
        return result;
    }

    boolean exists(long followerId, long followeeId) {
        return db.sql("select count(*) from follow where follower_id = ? and followee_id = ?")
                .params(followerId, followeeId).query(Long.class).single() > 0;
    }

    /** Ids of the accounts following {@code followeeId}, below {@code beforeId}, highest first. */
    List<Long> followersOf(long followeeId, long beforeId, int limit) {
        return db.sql("select follower_id from follow where followee_id = ? and follower_id < ? "
                        + "order by follower_id desc limit ?")
                .params(followeeId, beforeId, limit).query(Long.class).list();
    }

    /** Ids of the accounts {@code followerId} follows, below {@code beforeId}, highest first. */
    List<Long> followeesOf(long followerId, long beforeId, int limit) {
        return db.sql("select followee_id from follow where follower_id = ? and followee_id < ? "
                        + "order by followee_id desc limit ?")
                .params(followerId, beforeId, limit).query(Long.class).list();
    }

    Set<Long> allFolloweesOf(long followerId) {
        return followees.get(followerId, id -> Set.copyOf(
                db.sql("select followee_id from follow where follower_id = ?").param(id).query(Long.class).list()));
    }

    /** Follows changed behind this class (an erased account's, both ways): forget every cached list. */
    void forgetAll() {
        followees.evictAll();
    }

    FollowCounts counts(long accountId) {
        return db.sql("select (select count(*) from follow where followee_id = ?) as follower_count, "
                        + "(select count(*) from follow where follower_id = ?) as following_count")
                .params(accountId, accountId)
                .query((rs, n) -> new FollowCounts(rs.getLong("follower_count"), rs.getLong("following_count"))).single();
    }
}
