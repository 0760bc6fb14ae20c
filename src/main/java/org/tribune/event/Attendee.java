package org.tribune.event;

import java.time.Instant;

/** One person's answer to one event. */
public record Attendee(long eventId, long accountId, RsvpStatus status, long queuedAt, Instant answeredAt) {
}
