package org.tribune.safety;

import org.springframework.stereotype.Component;
import org.tribune.follow.FollowBarrier;
import org.tribune.follow.FollowCounts;

/**
 * Blocks as the follow feature sees them: no follow across a block, the blocker's profile absent to the blocked, and
 * the follows a block ended still counted, so that a count never drops the moment someone blocks you.
 */
@Component
class BlockedFollows implements FollowBarrier {
    private final Blocks blocks;

    BlockedFollows(Blocks blocks) {
        this.blocks = blocks;
    }

    @Override
    public boolean separates(long followerId, long followeeId) {
        return followerId != followeeId && blocks.eitherWay(followerId, followeeId);
    }

    @Override
    public boolean hidesProfile(long ownerId, Long viewerId) {
        return viewerId != null && viewerId != ownerId && blocks.exists(ownerId, viewerId);
    }

    @Override
    public FollowCounts stillCounted(long accountId) {
        return blocks.endedFollows(accountId);
    }
}
