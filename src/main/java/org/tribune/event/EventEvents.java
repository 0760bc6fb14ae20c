package org.tribune.event;

import java.util.Set;

/** What happens to events that other features react to (notification tells the people concerned). */
public final class EventEvents {
    private EventEvents() {
    }

    /** The time or the place of an event changed: those going, waiting or maybe going hear of it. */
    public record EventChanged(long eventId, long groupId, long hostId, Set<Long> attendeeIds) {
    }

    /** An event was cancelled: those who had answered hear of it. */
    public record EventCancelled(long eventId, long groupId, long hostId, Set<Long> attendeeIds) {
    }

    /** A place freed and the first person waiting got it. */
    public record PlaceGiven(long eventId, long groupId, long accountId) {
    }

    /** A reminder, 24 hours ({@code DAY}) or 1 hour ({@code HOUR}) before, to someone going. */
    public record ReminderDue(long eventId, long groupId, long accountId, String kind) {
    }
}
