package org.tribune.follow;

/** What happens between followers and the people they follow, for other features to react to. */
public final class FollowEvents {
    private FollowEvents() {
    }

    /** A new follow was made (never published again for a follow that already existed). */
    public record Followed(long followerId, long followeeId) {
    }

    /** A follow was removed; the follower's feed no longer takes the followee's posts. */
    public record Unfollowed(long followerId, long followeeId) {
    }
}
