package org.tribune.event;

import java.time.Instant;
import java.time.ZoneId;

/** A meeting planned in a group: stored in UTC with the IANA zone its host chose; a place, an online link or both. */
public record Event(long id, long groupId, Long creatorId, String title, String description, String descriptionHtml,
        Instant start, Instant end, String timeZone, String place, String onlineUrl, Integer capacity,
        boolean attendeesHidden, Instant cancelledAt, Instant createdAt, Instant updatedAt) {

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Over once it ended: nobody answers any more, and it moves to the group's past events. */
    public boolean isOver(Instant now) {
        return !end.isAfter(now);
    }
}
