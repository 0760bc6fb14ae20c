package org.tribune.account;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table. */
@Repository
class ApiTokens {
    private final JdbcClient db;

    ApiTokens(JdbcClient db) {
        this.db = db;
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
        return db.sql("select account_id from api_token where token_hash = ?").param(tokenHash).query(Long.class).optional();
    }

    /** Records use at most once a minute per token, so reading with a token does not write on every request. */
    void touch(String tokenHash, Instant now) {
        db.sql("update api_token set last_used_at = ? where token_hash = ? and (last_used_at is null or last_used_at < ?)")
                .params(ts(now), tokenHash, ts(now.minusSeconds(60))).update();
    }

    boolean delete(long accountId, long id) {
        return db.sql("delete from api_token where account_id = ? and id = ?").params(accountId, id).update() == 1;
    }

    void deleteAllOf(long accountId) {
        db.sql("delete from api_token where account_id = ?").param(accountId).update();
    }
}
