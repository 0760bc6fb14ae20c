package org.tribune.notification;

import java.util.List;

/** A page of someone's notifications, newest first; {@code next} continues after it ({@code ?before=}), or is null. */
public record NotificationPage(List<NotificationEntry> entries, Long next) {
    public NotificationPage {
        entries = List.copyOf(entries);
    }
}
