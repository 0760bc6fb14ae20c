/**
 * Post search: an index of the accepted text of every live post, kept up to date from
 * {@link org.tribune.post.PostEvents} in the same transaction as the change (so every node finds a new post as soon
 * as it is committed), and queries that return only posts the viewer may read. PostgreSQL searches a tsvector with
 * a GIN index; H2 falls back to matching words with {@code like}.
 */
package org.tribune.search;
