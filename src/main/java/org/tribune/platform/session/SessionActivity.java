package org.tribune.platform.session;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who has used a signed-in session lately, read from the last access each session row keeps anyway (written at most
 * every {@code touch-every}): for a starting node to warm its caches for the people it will serve first.
 */
@Component
public class SessionActivity {
    private final JdbcClient db;

    SessionActivity(JdbcClient db) {
        this.db = db;
    }

    /**
     * The account ids of the sessions used since {@code since}, with each one's latest use, the most recent first, at
     * most {@code limit}. Sessions are indexed by the account id (its principal name); any other name is passed over.
     */
    public Map<Long, Instant> accountsSince(Instant since, int limit) {
        Map<Long, Instant> recent = new LinkedHashMap<>();
        db.sql("select principal_name, max(last_access_time) as last_access from spring_session "
                        + "where last_access_time >= ? and principal_name is not null "
                        + "group by principal_name order by last_access desc limit ?")
                .params(since.toEpochMilli(), limit)
                .query((rs, n) -> {
                    String name = rs.getString("principal_name");
                    if (name.chars().allMatch(Character::isDigit) && !name.isEmpty() && name.length() < 19) {
                        recent.put(Long.parseLong(name), Instant.ofEpochMilli(rs.getLong("last_access")));
                    }
                    return null;
                }).list();
        return recent;
    }
}
