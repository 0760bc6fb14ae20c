package org.tribune.event;

import org.tribune.group.Group;
import org.tribune.media.Picture;

/**
 * An event as one reader sees it: its group, how many are going and waiting, the reader's own answer (null when
 * none), whether they host it (the creator or a moderator of the group), may answer, and may see who is coming,
 * and its picture (null when it has none).
 */
public record EventView(Event event, Group group, int going, int waitlisted, RsvpStatus myRsvp, boolean host,
        boolean canAnswer, boolean seesAttendees, Picture picture) {

    /** Places left, or null without a capacity. */
    public Integer placesLeft() {
        return event.capacity() == null ? null : Math.max(0, event.capacity() - going);
    }
}
