package org.tribune.account;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code api_token} table. */
@Repository
class ApiTokens {
    private final JdbcClient db;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    /**
     * Whose each token is, on this node, by the first 64 bits of its hash (the whole hash is kept and compared): every
     * API request asks. Evicted on each revocation, on every node; a node that cannot hear the others asks the database.
     */
    private final NodeCache<Owner> owners;

    ApiTokens(JdbcClient db, org.springframework.jdbc.core.JdbcTemplate jdbc, NodeCaches caches) {
        this.db = db;
        this.jdbc = jdbc;
        this.owners = caches.create("api-tokens", 8, o -> 160);
    }

    private record Owner(String tokenHash, long accountId) {
    }

    static long key(String tokenHash) {
        return Long.parseUnsignedLong(tokenHash.substring(0, 16), 16);
    }

    void add(long id, long accountId, String name, String tokenHash, Instant at) {
        db.sql("insert into api_token (id, account_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(id, accountId, name, tokenHash, ts(at)).update();
    }

    List<ApiToken> of(long accountId) {
        return db.sql("select id, name, created_at, last_used_at from api_token where account_id = ? order by id desc limit 200")
                .param(accountId)
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"),
                        instant(rs, "last_used_at")))
                .list();
    }

    long countOf(long accountId) {
        return db.sql("select count(*) from api_token where account_id = ?").param(accountId).query(Long.class).single();
    }

    Optional<Long> ownerOf(String tokenHash) {
        Owner owner = owners.get(key(tokenHash), k -> db.sql("select account_id from api_token where token_hash = ?")
                .param(tokenHash).query(Long.class).optional().map(id -> new Owner(tokenHash, id)).orElse(null));
        if (owner != null && !owner.tokenHash().equals(tokenHash)) { // two hashes that begin alike: ask for this one
            return db.sql("select account_id from api_token where token_hash = ?").param(tokenHash).query(Long.class).optional();
        }
        return Optional.ofNullable(owner).map(Owner::accountId);
    }

    /** The owners of the tokens used since {@code since}, with each one's latest use, the most recent first. */
    java.util.Map<Long, Instant> ownersUsedSince(Instant since, int limit) {
        java.util.Map<Long, Instant> recent = new java.util.LinkedHashMap<>();
        db.sql("select account_id, max(last_used_at) as last_use from api_token where last_used_at >= ? "
                        + "group by account_id order by last_use desc limit ?")
                .params(ts(since), limit)
                .query((rs, n) -> recent.put(rs.getLong("account_id"), instant(rs, "last_use"))).list();
        return recent;
    }

    /**
     * Reads whose each token used since {@code since} is into this node's memory; returns how many. The owners are
     * read again inside the cache's load, so that a token revoked meanwhile is not kept (the cache's own guard).
     */
    int warmOwners(Instant since, int limit) {
        java.util.Map<Long, String> hashes = new java.util.HashMap<>();
        db.sql("select token_hash from api_token where last_used_at >= ? order by last_used_at desc limit ?")
                .params(ts(since), limit).query(String.class).list()
                .forEach(hash -> hashes.putIfAbsent(key(hash.trim()), hash.trim()));
        List<Long> keys = List.copyOf(hashes.keySet());
        int read = 0;
        for (int from = 0; from < keys.size(); from += 500) {
            read += owners.getAll(keys.subList(from, Math.min(keys.size(), from + 500)), missing -> {
                java.util.Map<Long, Owner> found = new java.util.HashMap<>();
                db.sql("select token_hash, account_id from api_token where token_hash in (:hashes)")
                        .param("hashes", missing.stream().map(hashes::get).toList())
                        .query((rs, n) -> new Owner(rs.getString("token_hash").trim(), rs.getLong("account_id"))).list()
                        .forEach(owner -> found.put(key(owner.tokenHash()), owner));
                return found;
            }).size();
        }
        return read;
    }

    /**
     * Records these uses (token hash to time), each at most once a minute per token, in one batched statement: a
     * node's uses of thousands of tokens are written in a few round trips, not one each.
     */
    void touchAll(java.util.Map<String, Instant> uses) {
        jdbc.batchUpdate("update api_token set last_used_at = ? where token_hash = ? and (last_used_at is null or last_used_at < ?)",
                uses.entrySet().stream().map(u -> new Object[] {ts(u.getValue()), u.getKey(), ts(u.getValue().minusSeconds(60))})
                        .toList());
    }

    boolean delete(long accountId, long id) {
        List<String> hashes = db.sql("select token_hash from api_token where account_id = ? and id = ?").params(accountId, id)
                .query(String.class).list();
        boolean deleted = db.sql("delete from api_token where account_id = ? and id = ?").params(accountId, id).update() == 1;
        owners.evict(hashes.stream().map(ApiTokens::key).toList());
        return deleted;
    }

    void deleteAllOf(long accountId) {
        List<String> hashes = db.sql("select token_hash from api_token where account_id = ?").param(accountId)
                .query(String.class).list();
        db.sql("delete from api_token where account_id = ?").param(accountId).update();
        owners.evict(hashes.stream().map(ApiTokens::key).toList());
    }
}
