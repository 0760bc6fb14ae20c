package org.tribune.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * An event publication that has not completed: a listener that must still run after the commit that recorded it,
 * because the node stopped first, the listener failed, or it is running now. {@code attempts} counts the retries.
 */
public record PendingEvent(UUID id, String listener, String eventType, String event, Instant publishedAt, String status,
        int attempts, Instant lastRetryAt) {

    /** The event's class without its package, as administrators read it ({@code PostEvents$CommentAdded}). */
    public String shortType() {
        return eventType.substring(eventType.lastIndexOf('.') + 1);
    }
}
