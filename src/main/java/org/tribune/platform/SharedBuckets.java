package org.tribune.platform;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets kept in PostgreSQL, so that every node counts against the same allowance. One statement both
 * refills and takes: PostgreSQL locks the bucket's row for the upsert, so two nodes taking the last token at the same
 * moment cannot both succeed. The SQL uses PostgreSQL's {@code insert ... on conflict do update ... returning};
 * H2 (one node) never comes here.
 */
final class SharedBuckets implements Buckets {
    private final JdbcClient db;

    SharedBuckets(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Outcome take(String id, RateLimiter.Limit limit, Instant now) {
        double rate = Buckets.rate(limit);
        double at = Buckets.seconds(now);
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

    @Override
    public boolean hasRoom(String id, RateLimiter.Limit limit, Instant now) {
        return db.sql("select least(:capacity, tokens + greatest(0, :now - refilled_at) * :rate) from rate_bucket where id = :id")
                .param("capacity", (double) limit.capacity()).param("now", Buckets.seconds(now)).param("rate", Buckets.rate(limit))
                .param("id", id).query(Double.class).optional().map(tokens -> tokens >= 1).orElse(true);
    }

    @Override
    public void forgetExpired(Instant now) {
        db.sql("delete from rate_bucket where expires_at < ?").param(Sql.ts(now)).update();
    }
}
