/**
 * Posts, comments and likes. A post lives in a group or on its author's profile; who may read, write, comment and
 * like follows the group's rules ({@link org.tribune.group.GroupAccess}). Feeds read posts through
 * {@link org.tribune.post.PostReads}; other features react to {@link org.tribune.post.PostEvents}.
 */
package org.tribune.post;
