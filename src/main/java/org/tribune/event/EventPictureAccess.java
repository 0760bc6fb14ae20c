package org.tribune.event;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tribune.media.PictureAccess;
import org.tribune.media.PictureUse;

/**
 * Who may see an event's picture: exactly those who may see the event (its group's readers). A public group's
 * event picture may be cached by anyone; a private or hidden group's only privately, by its members.
 */
@Component
class EventPictureAccess implements PictureAccess {
    private final EventService events;

    EventPictureAccess(EventService events) {
        this.events = events;
    }

    @Override
    public Optional<Decision> decide(PictureUse use, long attachedTo, Long viewerId) {
        if (use != PictureUse.EVENT) {
            return Optional.empty();
        }
        return Optional.of(events.pictureDecision(attachedTo, viewerId));
    }
}
