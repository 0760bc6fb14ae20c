package org.tribune.notification;

import org.springframework.stereotype.Component;
import org.tribune.platform.web.UnreadNotifications;

/** The count in every page's header. */
@Component
class UnreadBadge implements UnreadNotifications {
    private final Notifications notifications;

    UnreadBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public int count(long accountId) {
        return notifications.unreadCount(accountId);
    }
}
