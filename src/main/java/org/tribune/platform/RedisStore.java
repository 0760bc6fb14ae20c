package org.tribune.platform;

import java.net.URI;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import redis.clients.jedis.JedisPooled;

/**
 * The optional Redis server of {@code tribune.redis.url} (e.g. {@code redis://10.0.0.5:6379/0}). When set, live
 * messages and rate-limit buckets go through Redis instead of PostgreSQL; unset, nothing connects to Redis.
 */
@Component
public class RedisStore {
    private final URI uri;
    private final JedisPooled pool;

    RedisStore(@Value("${tribune.redis.url:}") String url) {
        this.uri = url == null || url.isBlank() ? null : URI.create(url.strip());
        this.pool = uri == null ? null : new JedisPooled(uri);
    }

    public boolean isConfigured() {
        return uri != null;
    }

    public URI uri() {
        return uri;
    }

    /** The shared connection pool; only when {@link #isConfigured()}. */
    public JedisPooled pool() {
        return pool;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
