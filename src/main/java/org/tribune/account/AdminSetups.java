package org.tribune.account;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code admin_setup} table: the one-time code for creating the first administrator. */
@Repository
class AdminSetups {
    private final JdbcClient db;

    AdminSetups(JdbcClient db) {
        this.db = db;
    }

    /** Adds a code; codes printed by other nodes starting at the same time stay valid. */
    void add(String tokenHash, Instant at) {
        db.sql("insert into admin_setup (token_hash, created_at) values (?, ?)").params(tokenHash, ts(at)).update();
    }

    boolean exists(String tokenHash) {
        return db.sql("select count(*) from admin_setup where token_hash = ?").param(tokenHash).query(Long.class).single() > 0;
    }

    /** Uses the code up; true for exactly one caller. */
    boolean use(String tokenHash) {
        return db.sql("delete from admin_setup where token_hash = ?").param(tokenHash).update() == 1;
    }

    void clear() {
        db.sql("delete from admin_setup").update();
    }
}
