package org.tribune.account;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code password_reset} table: hashed, single-use codes. */
@Repository
class PasswordResets {
    private final JdbcClient db;

    PasswordResets(JdbcClient db) {
        this.db = db;
    }

    void add(String tokenHash, long accountId, Instant expiresAt) {
        db.sql("insert into password_reset (token_hash, account_id, expires_at) values (?, ?, ?)")
                .params(tokenHash, accountId, ts(expiresAt)).update();
    }

    /** The account a still-valid code belongs to. */
    Optional<Long> accountFor(String tokenHash, Instant now) {
        return db.sql("select account_id from password_reset where token_hash = ? and used_at is null and expires_at > ?")
                .params(tokenHash, ts(now)).query(Long.class).optional();
    }

    /** Uses the code up; false when it was used meanwhile, so one code resets one password. */
    boolean use(String tokenHash, Instant now) {
        return db.sql("update password_reset set used_at = ? where token_hash = ? and used_at is null")
                .params(ts(now), tokenHash).update() == 1;
    }

    void forgetAllOf(long accountId) {
        db.sql("delete from password_reset where account_id = ?").param(accountId).update();
    }

    void purgeExpired(Instant before) {
        db.sql("delete from password_reset where expires_at < ?").param(ts(before)).update();
    }

    /** When each code of the account expires and whether it was used; never the code. */
    java.util.List<java.util.Map<String, Object>> of(long accountId) {
        return db.sql("select expires_at, used_at from password_reset where account_id = ? order by expires_at")
                .param(accountId).query((rs, n) -> {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("expiresAt", org.tribune.platform.Sql.instant(rs, "expires_at"));
                    row.put("usedAt", org.tribune.platform.Sql.instant(rs, "used_at"));
                    return row;
                }).list();
    }
}
