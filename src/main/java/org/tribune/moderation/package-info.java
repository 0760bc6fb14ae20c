/**
 * Moderation: flags on posts and comments (which hide content when enough trusted members agree), the queue site and
 * group moderators work, suspensions and group bans that end by themselves, locked discussions, the public
 * moderation log and appeals decided by another moderator. Flaggers are never named outside this feature. Asks
 * {@link org.tribune.post.PostService} to hide, restore and lock; tells others through
 * {@link org.tribune.moderation.ModerationEvents}.
 */
package org.tribune.moderation;
