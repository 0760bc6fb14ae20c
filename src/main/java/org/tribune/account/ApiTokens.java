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

    private static long key(String tokenHash) {
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
