package org.tribune.platform.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A session as the store holds it: its attributes still serialised, so that every request deserialises its own copy
 * and no two requests share a mutable object (a security context, a CSRF token) through a node's cache.
 *
 * @param lastAccess the last access written to the store, which may be up to {@link StoredSessions#touchEvery} older
 *        than the real one
 */
record SessionSnapshot(String primaryId, String id, Instant creation, Instant lastAccess, Duration maxInactive,
        String principalName, Map<String, byte[]> attributes) {

    SessionSnapshot {
        attributes = Map.copyOf(attributes);
    }

    /**
     * When the session ends if nothing touches it again. The last access in the store lags the real one by less than
     * {@code touchEvery}, so the session is given that much more: it may outlive its idle timeout by that, never end
     * before it.
     */
    Instant expiry(Duration touchEvery) {
        return lastAccess.plus(maxInactive).plus(touchEvery);
    }

    boolean expiredAt(Instant now, Duration touchEvery) {
        return !maxInactive.isNegative() && now.isAfter(expiry(touchEvery));
    }

    SessionSnapshot touched(Instant at) {
        return new SessionSnapshot(primaryId, id, creation, at, maxInactive, principalName, attributes);
    }
}
