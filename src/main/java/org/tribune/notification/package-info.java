/**
 * Notifications: what happened that concerns someone (a comment on their post, a request to join their group...),
 * shown in the app with likes grouped, pushed live over {@link org.tribune.platform.live.LiveChannel}, and sent as an
 * e-mail digest. Other features' events are turned into notifications by one listener each; what a list shows is
 * checked again when it is read, so a notification never reveals what its recipient may no longer see.
 */
package org.tribune.notification;
