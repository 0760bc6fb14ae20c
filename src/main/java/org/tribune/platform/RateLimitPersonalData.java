package org.tribune.platform;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * The shared rate-limit buckets ({@code rate_bucket}, used when several nodes share PostgreSQL) are named
 * {@code limit|key}, the key being an account id (posts, comments, follows, talk…) or a client address (sign-up,
 * mail requests, failed logins). Those of an account are counted, exported and erased with it; those of addresses
 * cannot be tied to anyone and expire with their limit's period (an hour or a day).
 */
@Component
class RateLimitPersonalData implements PersonalData {
    private static final DataCategory LIMITS = new DataCategory("rate-limits");

    private final JdbcClient db;

    RateLimitPersonalData(JdbcClient db) {
        this.db = db;
    }

    private static String pattern(long accountId) {
        return "%|" + accountId;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(LIMITS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(LIMITS.name(), db.sql("select count(*) from rate_bucket where id like ?").param(pattern(accountId))
                .query(Long.class).single());
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(LIMITS.name(), db.sql("select id, expires_at from rate_bucket where id like ? order by id")
                .param(pattern(accountId))
                .query((rs, n) -> Map.<String, Object>of("limit", rs.getString(1).substring(0, rs.getString(1).lastIndexOf('|')),
                        "until", rs.getTimestamp(2).toInstant()))
                .list());
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        db.sql("delete from rate_bucket where id like ?").param(pattern(accountId)).update();
    }
}
