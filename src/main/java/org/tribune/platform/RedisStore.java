package org.tribune.platform;

import java.net.URI;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import redis.clients.jedis.ConnectionPoolConfig;
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
        this.pool = uri == null ? null : new JedisPooled(poolSettings(), uri, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
    }

    /**
     * While Redis is away, a caller waits at most this long to connect or for an answer, and as long again for a
     * connection of the pool, then gets an error it can handle (rate limits count in memory, live messages stay on
     * this node); without these bounds a request could wait for a pooled connection forever.
     */
    static final int TIMEOUT_MILLIS = 1_000;

    private static ConnectionPoolConfig poolSettings() {
        ConnectionPoolConfig settings = new ConnectionPoolConfig();
        settings.setMaxWait(java.time.Duration.ofMillis(TIMEOUT_MILLIS));
        return settings;
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
