package org.tribune.platform.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Web sessions in the database, read from this node's memory and written only when they change, so that a signed-in
 * page costs no more than an API call. A request that changes nothing writes nothing; the last access is written at
 * most every {@link #touchEvery} (a session may therefore outlive its idle timeout by that much, never end before
 * it). Every change of attributes, of id (sign-in) and every end (sign-out, "sign out everywhere") drops this node's
 * copy and tells the other nodes through {@link SessionNews}; while that news may be lost, every read goes to the
 * database.
 */
final class StoredSessions implements FindByIndexNameSessionRepository<StoredSession> {
    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);

    private final SessionRows rows;
    private final Cache<String, SessionSnapshot> copies;
    private final SessionNews news;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration maxInactive;
    private final Duration touchEvery;
    private final PrincipalNameIndexResolver<StoredSession> principals = new PrincipalNameIndexResolver<>();
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer = new DeserializingConverter(StoredSessions.class.getClassLoader());
    private final AttributeReads attributes = new AttributeReads(this::deserialize);
    /** Counts the copies dropped, so that a read racing with a change does not keep what it read before it. */
    private final AtomicLong drops = new AtomicLong();

    private final Counter reads;
    private final Counter writes;

    StoredSessions(SessionRows rows, Cache<String, SessionSnapshot> copies, SessionNews news,
            TransactionTemplate transactions, Clock clock, Duration maxInactive, Duration touchEvery,
            MeterRegistry meters) {
        this.rows = rows;
        this.reads = Counter.builder("tribune.sessions.store").tag("operation", "read")
                .description("sessions read from the database (not from this node's copies)").register(meters);
        this.writes = Counter.builder("tribune.sessions.store").tag("operation", "write")
                .description("sessions created, changed, touched or ended in the database").register(meters);
        this.copies = copies;
        this.news = news;
        this.transactions = transactions;
        this.clock = clock;
        this.maxInactive = maxInactive;
        this.touchEvery = touchEvery;
        news.onChanged(this::drop);
        news.onResync(this::dropAll);
    }

    Duration touchEvery() {
        return touchEvery;
    }

    @Override
    public StoredSession createSession() {
        return StoredSession.fresh(clock.instant(), maxInactive, attributes::read);
    }

    @Override
    public StoredSession findById(String id) {
        Instant now = clock.instant();
        boolean trusted = news.trusted();
        if (trusted) {
            SessionSnapshot copy = copies.getIfPresent(id);
            // A copy that looks expired may only be old: another node may have written a later access.
            if (copy != null && !copy.expiredAt(now, touchEvery)) {
                return StoredSession.of(copy, attributes::read);
            }
        }
        long dropsBefore = drops.get();
        long epoch = news.epoch();
        reads.increment();
        Optional<SessionSnapshot> stored = rows.byId(id);
        if (stored.isEmpty()) {
            return null;
        }
        if (stored.get().expiredAt(now, touchEvery)) {
            deleteById(id);
            return null;
        }
        if (trusted) {
            copies.put(id, stored.get());
            if (drops.get() != dropsBefore || news.epoch() != epoch) {
                // Changed or ended while it was being read, or news may have been lost meanwhile: ask again next time.
                copies.invalidate(id);
            }
        }
        return StoredSession.of(stored.get(), attributes::read);
    }

    @Override
    public void save(StoredSession session) {
        Instant now = clock.instant();
        Map<String, byte[]> changes = session.changes(this::serialize);
        SessionSnapshot loaded = session.loaded();
        if (session.isNew()) {
            Map<String, byte[]> attributes = new LinkedHashMap<>(changes);
            attributes.values().removeIf(Objects::isNull);
            SessionSnapshot created = new SessionSnapshot(loaded.primaryId(), session.getId(), loaded.creation(), now,
                    session.getMaxInactiveInterval(), principals.resolveIndexValueFor(session), attributes);
            writes.increment();
            transactions.executeWithoutResult(status -> {
                rows.insert(created, created.expiry(touchEvery));
                attributes.forEach((name, bytes) -> rows.putAttribute(created.primaryId(), name, bytes));
            });
            session.saved(created);
            return;
        }
        String principal = changes.isEmpty() ? loaded.principalName() : principals.resolveIndexValueFor(session);
        boolean touch = Duration.between(loaded.lastAccess(), now).compareTo(touchEvery) >= 0;
        boolean changed = !changes.isEmpty() || session.idChanged() || session.maxInactiveChanged()
                || !Objects.equals(principal, loaded.principalName());
        if (!touch && !changed) {
            return; // the common page view: nothing to write
        }
        SessionSnapshot written = new SessionSnapshot(loaded.primaryId(), session.getId(), loaded.creation(), now,
                session.getMaxInactiveInterval(), principal, Map.of());
        writes.increment();
        boolean present = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!rows.update(written.primaryId(), written.id(), now, written.maxInactive(), written.expiry(touchEvery),
                    principal)) {
                return false;
            }
            changes.forEach((name, bytes) -> {
                if (bytes == null) {
                    rows.removeAttribute(written.primaryId(), name);
                } else {
                    rows.putAttribute(written.primaryId(), name, bytes);
                }
            });
            return true;
        }));
        if (changed || !present) {
            announce(session.storedId());
        } else {
            copies.asMap().computeIfPresent(session.getId(), (id, copy) -> copy.touched(now));
        }
        Map<String, byte[]> attributes = new LinkedHashMap<>(loaded.attributes());
        changes.forEach((name, bytes) -> {
            if (bytes == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, bytes);
            }
        });
        session.saved(new SessionSnapshot(written.primaryId(), written.id(), written.creation(), now,
                written.maxInactive(), principal, attributes));
    }

    @Override
    public void deleteById(String id) {
        writes.increment();
        rows.delete(id);
        announce(id);
    }

    @Override
    public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
            return Map.of();
        }
        Instant now = clock.instant();
        List<SessionSnapshot> found = rows.byPrincipal(indexValue);
        Map<String, StoredSession> sessions = new LinkedHashMap<>();
        found.stream().filter(s -> !s.expiredAt(now, touchEvery))
                .forEach(s -> sessions.put(s.id(), StoredSession.of(s, attributes::read)));
        return sessions;
    }

    /** Ends the sessions idle past their timeout; each node's copies expire by the same rule on their own. */
    int deleteExpired() {
        return rows.deleteExpired(clock.instant());
    }

    /**
     * Drops this node's copy and tells the others, at once and again after the surrounding transaction ends (when the
     * change is only then visible to other readers, one of which may have read the row as it was meanwhile).
     */
    private void announce(String id) {
        drop(id);
        news.changed(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop(id);
                    news.changed(id);
                }
            });
        }
    }

    private void drop(String id) {
        drops.incrementAndGet();
        copies.invalidate(id);
    }

    private void dropAll() {
        drops.incrementAndGet();
        copies.invalidateAll();
    }

    private byte[] serialize(Object value) {
        return serializer.convert(value);
    }

    /** An attribute that no longer reads (a class changed by an upgrade) is as if absent: at worst, sign in again. */
    private Object deserialize(byte[] bytes) {
        try {
            return deserializer.convert(bytes);
        } catch (SerializationFailedException e) {
            log.warn("a session attribute could not be read and is ignored: {}", e.getMessage());
            return null;
        }
    }
}
