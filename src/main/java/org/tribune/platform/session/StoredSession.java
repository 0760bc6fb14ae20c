package org.tribune.platform.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.session.Session;

/**
 * One request's view of a session: what it read from the store (or from this node's copy of it) and what it changed.
 * Saving writes only the changes: an attribute set to what it already held is no change, and the last access is
 * written only when the stored one is {@link StoredSessions#touchEvery} old.
 */
final class StoredSession implements Session {
    private SessionSnapshot loaded;
    private boolean isNew;
    private final Function<byte[], Object> deserialize;
    private final Map<String, Object> read = new HashMap<>();
    /** Attributes set (a value) or removed (null) by this request, in the order it did so. */
    private final Map<String, Object> changed = new LinkedHashMap<>();
    private String id;
    private Instant lastAccessed;
    private Duration maxInactive;

    private StoredSession(SessionSnapshot loaded, boolean isNew, Function<byte[], Object> deserialize) {
        this.loaded = loaded;
        this.isNew = isNew;
        this.deserialize = deserialize;
        this.id = loaded.id();
        this.lastAccessed = loaded.lastAccess();
        this.maxInactive = loaded.maxInactive();
    }

    static StoredSession fresh(Instant now, Duration maxInactive, Function<byte[], Object> deserialize) {
        String id = UUID.randomUUID().toString();
        return new StoredSession(new SessionSnapshot(UUID.randomUUID().toString(), id, now, now, maxInactive, null,
                Map.of()), true, deserialize);
    }

    static StoredSession of(SessionSnapshot loaded, Function<byte[], Object> deserialize) {
        return new StoredSession(loaded, false, deserialize);
    }

    SessionSnapshot loaded() {
        return loaded;
    }

    /**
     * Now as the store holds it: a request may save its session twice (when the response is committed, then at its
     * end), and the second time has nothing new to write.
     */
    void saved(SessionSnapshot stored) {
        loaded = stored;
        isNew = false;
        read.putAll(changed);
        changed.clear();
    }

    boolean isNew() {
        return isNew;
    }

    /** The id the store knows this session by, before any change of id in this request. */
    String storedId() {
        return loaded.id();
    }

    boolean idChanged() {
        return !id.equals(loaded.id());
    }

    boolean maxInactiveChanged() {
        return !maxInactive.equals(loaded.maxInactive());
    }

    /** What this request set or removed, with its new bytes (null: removed), leaving out values set to what they were. */
    Map<String, byte[]> changes(Function<Object, byte[]> serialize) {
        Map<String, byte[]> changes = new LinkedHashMap<>();
        changed.forEach((name, value) -> {
            byte[] before = loaded.attributes().get(name);
            if (value == null) {
                if (before != null || isNew) {
                    changes.put(name, null);
                }
                return;
            }
            byte[] after = serialize.apply(value);
            if (before == null || !Arrays.equals(before, after)) {
                changes.put(name, after);
            }
        });
        return changes;
    }

    @Override
    public String getId() {
        return id;
    }

    /** Session fixation protection: at sign-in the session gets a new id and the old one ends. */
    @Override
    public String changeSessionId() {
        id = UUID.randomUUID().toString();
        return id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        if (changed.containsKey(name)) {
            return (T) changed.get(name);
        }
        if (read.containsKey(name)) {
            return (T) read.get(name);
        }
        byte[] bytes = loaded.attributes().get(name);
        Object value = bytes == null ? null : deserialize.apply(bytes);
        read.put(name, value);
        return (T) value;
    }

    @Override
    public Set<String> getAttributeNames() {
        Set<String> names = new HashSet<>(loaded.attributes().keySet());
        changed.forEach((name, value) -> {
            if (value == null) {
                names.remove(name);
            } else {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public void setAttribute(String name, Object value) {
        changed.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        changed.put(name, null);
    }

    @Override
    public Instant getCreationTime() {
        return loaded.creation();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        this.lastAccessed = lastAccessedTime;
    }

    @Override
    public Instant getLastAccessedTime() {
        return lastAccessed;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        this.maxInactive = interval;
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return maxInactive;
    }

    @Override
    public boolean isExpired() {
        return !maxInactive.isNegative() && Instant.now().isAfter(lastAccessed.plus(maxInactive));
    }
}
