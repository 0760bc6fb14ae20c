package org.tribune.platform.session;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import com.github.benmanes.caffeine.cache.Cache;
import org.tribune.platform.cluster.LocalCaches;

/**
 * Session attributes read back from their bytes, remembered by the identity of those bytes while a node's copy of the
 * session holds them: reading the security context back (about 1.2 KB of Java serialization) at every request was 7%
 * of a signed-in page's CPU. A request still never gets an object another request could change: values nobody can
 * change (text, numbers, instants, CSRF tokens) are shared; a security context is handed out as a new context around
 * the same authentication (which Tribune replaces, never changes, as servlet sessions held in memory share it);
 * anything else is read from its bytes every time. New bytes (a changed attribute) are a new entry.
 */
final class AttributeReads {
    private static final int REMEMBERED = 50_000;

    private final Function<byte[], Object> deserialize;
    private final Cache<byte[], Object> read = LocalCaches.newBuilder().weakKeys().maximumSize(REMEMBERED).build();

    AttributeReads(Function<byte[], Object> deserialize) {
        this.deserialize = deserialize;
    }

    Object read(byte[] bytes) {
        Object value = read.getIfPresent(bytes);
        if (value == null) {
            value = deserialize.apply(bytes);
            if (value == null || !shareable(value)) {
                return value;
            }
            read.put(bytes, value);
        }
        return value instanceof SecurityContext context ? new SecurityContextImpl(context.getAuthentication()) : value;
    }

    private static boolean shareable(Object value) {
        return value instanceof String || value instanceof Instant || value instanceof Long || value instanceof Integer
                || value instanceof Boolean || value instanceof Locale || value instanceof DefaultCsrfToken
                || value instanceof SecurityContextImpl;
    }
}
