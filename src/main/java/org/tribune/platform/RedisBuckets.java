package org.tribune.platform;

import java.time.Instant;
import java.util.List;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Token buckets in Redis: one hash per bucket ({@code t} tokens, {@code at} last refill, in seconds), refilled and
 * taken by one Lua script, which Redis runs atomically. Keys expire after the limit's period of idleness, so
 * nothing needs purging.
 */
final class RedisBuckets implements Buckets {
    static final String PREFIX = "tribune:bucket:";
    private static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local state = redis.call('HMGET', KEYS[1], 't', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil then tokens = capacity; at = now end
            tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
            local granted = 0
            if ARGV[5] == '1' then
              if tokens >= 1 then tokens = tokens - 1; granted = 1 end
              redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(math.max(at, now)))
              redis.call('PEXPIRE', KEYS[1], ARGV[4])
            end
            return {granted, tostring(tokens)}
            """;

    private final JedisPooled redis;

    RedisBuckets(JedisPooled redis) {
        this.redis = redis;
    }

    @Override
    public Outcome take(String id, RateLimiter.Limit limit, Instant now) {
        return run(id, limit, now, true);
    }

    @Override
    public boolean hasRoom(String id, RateLimiter.Limit limit, Instant now) {
        return run(id, limit, now, false).tokens() >= 1;
    }

    @Override
    public void forgetExpired(Instant now) {
        // Redis expires idle buckets itself.
    }

    private Outcome run(String id, RateLimiter.Limit limit, Instant now, boolean take) {
        List<?> result;
        try {
            result = eval(id, limit, now, take);
        } catch (JedisException unreachable) {
            throw new Buckets.Unreachable(unreachable);
        }
        return new Outcome(((Number) result.get(0)).longValue() == 1, Double.parseDouble(result.get(1).toString()));
    }

    private List<?> eval(String id, RateLimiter.Limit limit, Instant now, boolean take) {
        return (List<?>) redis.eval(SCRIPT, List.of(PREFIX + id), List.of(Long.toString(limit.capacity()),
                Double.toString(Buckets.rate(limit)), Double.toString(Buckets.seconds(now)),
                Long.toString(Math.max(1, limit.period().toMillis())), take ? "1" : "0"));
    }
}
