package org.tribune.moderation;

import java.time.Instant;

/** An appeal of one action by the person it affected; {@code decision} is null while it waits. */
public record Appeal(long id, long actionId, long appellantId, String body, Instant createdAt, Long decidedBy,
        String decision, Instant decidedAt) {
}
