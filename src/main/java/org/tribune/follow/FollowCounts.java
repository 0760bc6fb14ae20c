package org.tribune.follow;

/** How many people follow an account, and how many it follows. */
public record FollowCounts(long followers, long following) {
}
