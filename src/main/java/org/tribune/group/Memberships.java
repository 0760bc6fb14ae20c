package org.tribune.group;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/**
 * The {@code group_member}, {@code group_join_request}, {@code group_ban} and {@code group_invitation} tables.
 * Inserts say "on conflict do nothing", so a double click or two nodes at once never turn into an error.
 */
@Repository
class Memberships {
    private static final RowMapper<Membership> MEMBERSHIP = (rs, n) -> new Membership(rs.getLong("group_id"),
            rs.getLong("account_id"), GroupRole.valueOf(rs.getString("role")), instant(rs, "since"));
    static final String SEPARATOR = "\u001e";

    private final JdbcClient db;
    /**
     * Each person's groups, on this node: which sources their home feed walks. Not a privacy decision on its own:
     * reading a private group's posts re-checks membership in the database ({@link #memberOf}).
     */
    private final NodeCache<java.util.Set<Long>> groupsOfMember;
    /**
     * The groups each person is banned from, on this node: a quiet feed's suggestions leave them out. Not a privacy
     * decision: a ban also ends the membership, and posting or joining checks the ban in the database.
     */
    private final NodeCache<java.util.Set<Long>> bansOfMember;

    Memberships(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.groupsOfMember = caches.create("member-groups", 16, ids -> 32 + 24 * ids.size());
        this.bansOfMember = caches.create("member-bans", 4, ids -> 32 + 24 * ids.size());
    }

    Optional<Membership> of(long groupId, long accountId) {
        return db.sql("select group_id, account_id, role, since from group_member where group_id = ? and account_id = ?")
                .params(groupId, accountId).query(MEMBERSHIP).optional();
    }

    /** Adds a member; false if they already were one. */
    boolean add(long groupId, long accountId, GroupRole role, Instant since) {
        boolean result = db.sql("insert into group_member (group_id, account_id, role, since) values (?, ?, ?, ?) on conflict do nothing")
                .params(groupId, accountId, role.name(), ts(since)).update() == 1;
        groupsOfMember.evict(accountId);
        return result;
    }

    boolean remove(long groupId, long accountId) {
        boolean result = db.sql("delete from group_member where group_id = ? and account_id = ?").params(groupId, accountId).update() == 1;
        groupsOfMember.evict(accountId);
        return result;
    }

    /** The person left every group behind this class (their account erased). */
    void forget(long accountId) {
        groupsOfMember.evict(accountId);
        bansOfMember.evict(accountId);
    }

    /** Of these groups, those the person is a member of now, asked of the database (a privacy decision). */
    java.util.Set<Long> memberOf(long accountId, java.util.Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(db.sql("select group_id from group_member where account_id = :account and group_id in (:ids)")
                .param("account", accountId).param("ids", groupIds).query(Long.class).list());
    }

    void setRole(long groupId, long accountId, GroupRole role) {
        db.sql("update group_member set role = ? where group_id = ? and account_id = ?")
                .params(role.name(), groupId, accountId).update();
    }

    /** A page of members by account id (keyset pagination). */
    List<Membership> members(long groupId, long afterAccountId, int limit) {
        return db.sql("select group_id, account_id, role, since from group_member where group_id = ? and account_id > ? "
                        + "order by account_id limit ?")
                .params(groupId, afterAccountId, limit).query(MEMBERSHIP).list();
    }

    List<Membership> withRole(long groupId, GroupRole role) {
        return db.sql("select group_id, account_id, role, since from group_member where group_id = ? and role = ? "
                        + "order by since, account_id limit 500")
                .params(groupId, role.name()).query(MEMBERSHIP).list();
    }

    /** Owners and moderators. */
    List<Membership> moderators(long groupId) {
        return db.sql("select group_id, account_id, role, since from group_member where group_id = ? "
                        + "and role in ('OWNER', 'MODERATOR') order by since, account_id limit 500")
                .param(groupId).query(MEMBERSHIP).list();
    }

    /** Owners and moderators of any of these groups: group id → their account ids. */
    java.util.Map<Long, List<Long>> moderatorIds(java.util.Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, List<Long>> byGroup = new java.util.HashMap<>();
        db.sql("select group_id, account_id from group_member where group_id in (:ids) and role in ('OWNER', 'MODERATOR')")
                .param("ids", groupIds)
                .query((rs, n) -> byGroup.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2)))
                .list();
        return byGroup;
    }

    /** The member who has been in the group longest, other than {@code except}. */
    Optional<Membership> longestStanding(long groupId, GroupRole role, long except) {
        return db.sql("select group_id, account_id, role, since from group_member where group_id = ? and role = ? "
                        + "and account_id <> ? order by since, account_id limit 1")
                .params(groupId, role.name(), except).query(MEMBERSHIP).optional();
    }

    java.util.Set<Long> groupIdsOf(long accountId) {
        return groupsOfMember.get(accountId, id -> java.util.Set.copyOf(
                db.sql("select group_id from group_member where account_id = ?").param(id).query(Long.class).list()));
    }

    // join requests

    boolean addRequest(long id, long groupId, long accountId, List<String> answers, Instant at) {
        return db.sql("insert into group_join_request (id, group_id, account_id, answers, created_at) values (?, ?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(id, groupId, accountId, String.join(SEPARATOR, answers), ts(at)).update() == 1;
    }

    record StoredRequest(long id, long groupId, long accountId, List<String> answers, Instant createdAt) {
    }

    Optional<StoredRequest> request(long groupId, long requestId) {
        return db.sql("select id, group_id, account_id, answers, created_at from group_join_request where group_id = ? and id = ?")
                .params(groupId, requestId).query(Memberships::request).optional();
    }

    boolean hasRequest(long groupId, long accountId) {
        return db.sql("select count(*) from group_join_request where group_id = ? and account_id = ?")
                .params(groupId, accountId).query(Long.class).single() > 0;
    }

    List<StoredRequest> requests(long groupId, int limit) {
        return db.sql("select id, group_id, account_id, answers, created_at from group_join_request where group_id = ? "
                        + "order by id limit ?")
                .params(groupId, limit).query(Memberships::request).list();
    }

    long countRequests(long groupId) {
        return db.sql("select count(*) from group_join_request where group_id = ?").param(groupId).query(Long.class).single();
    }

    boolean removeRequest(long groupId, long accountId) {
        return db.sql("delete from group_join_request where group_id = ? and account_id = ?").params(groupId, accountId).update() == 1;
    }

    private static StoredRequest request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String answers = rs.getString("answers");
        return new StoredRequest(rs.getLong("id"), rs.getLong("group_id"), rs.getLong("account_id"),
                answers.isEmpty() ? List.of() : List.of(answers.split(SEPARATOR, -1)), instant(rs, "created_at"));
    }

    // bans

    java.util.Set<Long> bannedGroupIds(long accountId) {
        return bansOfMember.get(accountId, id -> java.util.Set.copyOf(db.sql("select group_id from group_ban where account_id = ?")
                .param(id).query(Long.class).list()));
    }

    boolean isBanned(long groupId, long accountId) {
        return db.sql("select count(*) from group_ban where group_id = ? and account_id = ?")
                .params(groupId, accountId).query(Long.class).single() > 0;
    }

    boolean ban(long groupId, long accountId, long by, String reason, Instant at) {
        boolean result = db.sql("insert into group_ban (group_id, account_id, banned_by, reason, since) values (?, ?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(groupId, accountId, by, reason, ts(at)).update() == 1;
        bansOfMember.evict(accountId);
        return result;
    }

    boolean unban(long groupId, long accountId) {
        boolean result = db.sql("delete from group_ban where group_id = ? and account_id = ?").params(groupId, accountId).update() == 1;
        bansOfMember.evict(accountId);
        return result;
    }

    record StoredBan(long accountId, String reason, Instant since) {
    }

    List<StoredBan> bans(long groupId) {
        return db.sql("select account_id, reason, since from group_ban where group_id = ? order by since desc limit 500")
                .param(groupId).query((rs, n) -> new StoredBan(rs.getLong("account_id"), rs.getString("reason"),
                        instant(rs, "since"))).list();
    }

    // invitations

    boolean invite(long groupId, long accountId, long by, Instant at) {
        return db.sql("insert into group_invitation (group_id, account_id, invited_by, created_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(groupId, accountId, by, ts(at)).update() == 1;
    }

    boolean isInvited(long groupId, long accountId) {
        return db.sql("select count(*) from group_invitation where group_id = ? and account_id = ?")
                .params(groupId, accountId).query(Long.class).single() > 0;
    }

    void removeInvitation(long groupId, long accountId) {
        db.sql("delete from group_invitation where group_id = ? and account_id = ?").params(groupId, accountId).update();
    }

    List<Long> invitedGroupIds(long accountId) {
        return db.sql("select group_id from group_invitation where account_id = ? order by created_at desc limit 100")
                .param(accountId).query(Long.class).list();
    }
}
