/**
 * Topic groups ("subwikis"): visibility, join policies, membership and roles, join requests, bans, invitations and
 * the default groups newcomers join. {@link org.tribune.group.GroupAccess} answers, for every other feature, who may
 * see, read, post in and moderate a group.
 */
package org.tribune.group;
