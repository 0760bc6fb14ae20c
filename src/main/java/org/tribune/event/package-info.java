/**
 * Group events: a meeting planned in a group, with RSVPs, a first-come waiting list when full, reminders, and
 * calendars (an .ics per event and a personal feed behind a secret token). Events are seen exactly where their group
 * is read ({@link org.tribune.group.GroupAccess}); notifications hear of them through {@link EventEvents}.
 */
package org.tribune.event;
