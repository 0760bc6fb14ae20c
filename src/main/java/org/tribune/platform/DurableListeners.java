package org.tribune.platform;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a durable listener ({@code @ApplicationModuleListener}) run exactly once in effect, on any number of nodes.
 * <p>
 * Spring Modulith deletes a publication's row ({@code event_publication}) only after the listener's transaction has
 * committed, in a statement of its own: a node dying in between, or a retry handed the publication while a slow
 * first run is still going, runs the listener twice. So each listener, first thing in its own transaction, calls
 * {@link #claim}: it deletes its publication's row itself, and does its work only if a row was there. The work and
 * the deletion then commit or roll back together: a listener that fails leaves the row for the retry, one that
 * commits leaves none, and Modulith's own deletion afterwards finds nothing to delete (it ignores the count). Two
 * runs of the same publication at once: on PostgreSQL the second DELETE waits for the first transaction's row lock
 * and then finds the row gone; on H2 likewise, or it fails on the lock timeout, which is no effect either (and the row
 * is already gone for the retry).
 * <p>
 * The row is matched as Modulith matches it on completion: by listener id and by the event as the application's
 * {@link EventSerializer} writes it. That text is not always the one written at publication: an event read back from
 * its row after a restart may write a set of ids in another order. So when no row has the same text, the listener's
 * pending rows of the event's type are read back and compared as events ({@code equals}); there are seldom more than
 * a few, and only a publication already done or held by another run takes this path. Two pending publications of one listener with the same event text (the same
 * person following, leaving and following again before either ran) are one claim: the event says nothing that could
 * tell them apart, and Modulith's completion deletes both too.
 * <p>
 * A call in each listener rather than an aspect around every {@code @ApplicationModuleListener}: the claim must run
 * inside the listener's transaction, and an aspect's order relative to Spring's transaction interceptor (both at the
 * lowest precedence) is not something to rely on. The listener id is read from the calling method's annotation, so
 * it is written once, where Modulith reads it too.
 */
@Component
public class DurableListeners {
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final JdbcClient db;
    private final EventSerializer serializer;

    DurableListeners(JdbcClient db, EventSerializer serializer) {
        this.db = db;
        this.serializer = serializer;
    }

    /**
     * Takes the publication of {@code event} for the calling listener, in the listener's transaction. False when it
     * is done already or another run holds it: then the listener does nothing.
     *
     * @throws IllegalStateException when called outside a transaction or outside an {@code @ApplicationModuleListener}
     */
    public boolean claim(Object event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a durable listener claims its publication inside its own transaction");
        }
        String listener = STACK.walk(frames -> frames.map(DurableListeners::listenerId).flatMap(Optional::stream).findFirst())
                .orElseThrow(() -> new IllegalStateException("claim is called from an @ApplicationModuleListener with an id"));
        if (db.sql("delete from event_publication where listener_id = ? and serialized_event = ?")
                .params(listener, serializer.serialize(event).toString()).update() > 0) {
            return true;
        }
        List<UUID> same = db.sql("select id, serialized_event from event_publication where listener_id = ? and event_type = ?")
                .params(listener, event.getClass().getName())
                .query((rs, n) -> event.equals(serializer.deserialize(rs.getString("serialized_event"), event.getClass()))
                        ? rs.getObject("id", UUID.class) : null)
                .list().stream().filter(Objects::nonNull).toList();
        return !same.isEmpty()
                && db.sql("delete from event_publication where id in (:ids)").param("ids", same).update() > 0;
    }

    private static Optional<String> listenerId(StackWalker.StackFrame frame) {
        try {
            Method method = frame.getDeclaringClass().getDeclaredMethod(frame.getMethodName(),
                    frame.getMethodType().parameterArray());
            ApplicationModuleListener listener = method.getAnnotation(ApplicationModuleListener.class);
            return listener == null || listener.id().isEmpty() ? Optional.empty() : Optional.of(listener.id());
        } catch (NoSuchMethodException e) {
            // Constructors and synthetic frames: not a listener.
            return Optional.empty();
        }
    }
}
