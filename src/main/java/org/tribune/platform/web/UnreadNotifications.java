package org.tribune.platform.web;

/**
 * How many unread notifications the header shows the signed-in person. The notification feature supplies it, so
 * pages can show the count without the platform knowing that feature; without it the count is 0.
 */
public interface UnreadNotifications {

    /** The number the notification list shows as unread. */
    int count(long accountId);
}
