package org.tribune.account;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code login_failure} table: failed logins per submitted address, shared by every node. */
@Repository
class LoginFailures {
    private final JdbcClient db;

    LoginFailures(JdbcClient db) {
        this.db = db;
    }

    void add(long id, String emailKey, Instant at) {
        db.sql("insert into login_failure (id, email_key, failed_at) values (?, ?, ?)").params(id, emailKey, ts(at)).update();
    }

    long countSince(String emailKey, Instant since) {
        return db.sql("select count(*) from login_failure where email_key = ? and failed_at > ?")
                .params(emailKey, ts(since)).query(Long.class).single();
    }

    int purgeBefore(Instant before) {
        return db.sql("delete from login_failure where failed_at < ?").param(ts(before)).update();
    }

    List<Instant> of(String emailKey) {
        return db.sql("select failed_at from login_failure where email_key = ? order by failed_at")
                .param(emailKey).query((rs, n) -> instant(rs, "failed_at")).list();
    }

    void deleteOf(String emailKey) {
        db.sql("delete from login_failure where email_key = ?").param(emailKey).update();
    }
}
