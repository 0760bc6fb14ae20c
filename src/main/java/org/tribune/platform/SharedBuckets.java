package org.tribune.platform;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets kept in the database, so that every node counts against the same allowance. One statement both
 * refills and takes: PostgreSQL locks the bucket's row for the upsert, so two nodes taking the last token at the same
 * moment cannot both succeed. The SQL uses PostgreSQL's {@code insert ... on conflict do update ... returning};
 * H2 (one node) never comes here.
 */
final class SharedBuckets {
    /** What a bucket held after a request: whether it gave a token, and how many are left. */
    record Outcome(boolean granted, double tokens) {
    }

    private final JdbcClient db;

    SharedBuckets(JdbcClient db) {
        this.db = db;
    }

    Outcome take(String id, RateLimiter.Limit limit, Instant now) {
        double rate = rate(limit);
        double at = seconds(now);
        return db.sql("""
                insert into rate_bucket as b (id, tokens, refilled_at, granted, expires_at)
                values (:id, :capacity - 1, :now, true, :expires)
                on conflict (id) do update set
                  granted = least(:capacity, b.tokens + greatest(0, :now - b.refilled_at) * :rate) >= 1,
                  tokens = least(:capacity, b.tokens + greatest(0, :now - b.refilled_at) * :rate)
                           - case when least(:capacity, b.tokens + greatest(0, :now - b.refilled_at) * :rate) >= 1
                                  then 1 else 0 end,
                  refilled_at = greatest(b.refilled_at, :now),
                  expires_at = :expires
                returning granted, tokens""")
                .param("id", id).param("capacity", (double) limit.capacity()).param("now", at).param("rate", rate)
                .param("expires", Sql.ts(now.plus(limit.period())))
                .query((rs, n) -> new Outcome(rs.getBoolean(1), rs.getDouble(2))).single();
    }

    /** Whether a token is left, without taking one. */
    boolean hasRoom(String id, RateLimiter.Limit limit, Instant now) {
        return db.sql("select least(:capacity, tokens + greatest(0, :now - refilled_at) * :rate) from rate_bucket where id = :id")
                .param("capacity", (double) limit.capacity()).param("now", seconds(now)).param("rate", rate(limit))
                .param("id", id).query(Double.class).optional().map(tokens -> tokens >= 1).orElse(true);
    }

    /** How long until the next token, when {@code tokens} are left. */
    static Duration untilNextToken(double tokens, RateLimiter.Limit limit) {
        double missing = Math.max(0, 1 - tokens);
        return Duration.ofNanos((long) Math.ceil(missing / rate(limit) * 1e9));
    }

    void forgetExpired(Instant now) {
        db.sql("delete from rate_bucket where expires_at < ?").param(Sql.ts(now)).update();
    }

    private static double rate(RateLimiter.Limit limit) {
        return limit.capacity() / (limit.period().toNanos() / 1e9);
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
