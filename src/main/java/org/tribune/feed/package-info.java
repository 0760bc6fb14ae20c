/**
 * Feeds: the home feed, a group's feed and a person's profile. One place decides how a feed is built: newest first
 * by post id, keyset-paginated ({@code ?before=<id>}), never ranked by engagement, and every entry says why it is
 * there.
 */
package org.tribune.feed;
