package org.tribune.follow;

/**
 * What another feature (safety, for blocks) says about follows, without the follow feature reading its tables: who
 * may not follow whom or see whose profile, and which follows it ended that counts must still include, so that
 * nobody can tell from a count going down that they were blocked.
 */
public interface FollowBarrier {

    /** Whether a follow between these two may not be made (in either direction). */
    boolean separates(long followerId, long followeeId);

    /** Whether the person's profile, follows and lists must look absent to this viewer (null: a visitor). */
    boolean hidesProfile(long ownerId, Long viewerId);

    /** Follows this barrier ended that the person's counts still include. */
    FollowCounts stillCounted(long accountId);
}
