package org.tribune.event;

import java.time.Instant;

/**
 * What a host writes: the title, the Markdown description, when (instants, and the IANA zone it is planned in), where
 * (a place, an online link, or both), an optional capacity and whether the attendee list is hidden from members.
 */
public record EventDraft(String title, String description, Instant start, Instant end, String timeZone, String place,
        String onlineUrl, Integer capacity, boolean hideAttendees) {

    static EventDraft of(Event e) {
        return new EventDraft(e.title(), e.description(), e.start(), e.end(), e.timeZone(), e.place(), e.onlineUrl(),
                e.capacity(), e.attendeesHidden());
    }
}
