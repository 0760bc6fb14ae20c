package org.tribune.group;

import java.util.Optional;

import org.tribune.media.Picture;

/**
 * A group as one viewer sees it: what they may do there, what is waiting for moderators, and its banner and icon
 * (null when it has none).
 */
public record GroupPage(Group group, Optional<Membership> membership, boolean banned, boolean requested,
        boolean invited, boolean canRead, boolean canPost, long pendingRequests, Picture banner, Picture icon) {

    public boolean isMember() {
        return membership.isPresent();
    }

    public boolean canModerate() {
        return membership.map(Membership::canModerate).orElse(false);
    }

    public boolean isOwner() {
        return membership.map(m -> m.role() == GroupRole.OWNER).orElse(false);
    }

    public boolean canJoin() {
        return membership.isEmpty() && !banned && !requested
                && (group.joinPolicy() != JoinPolicy.INVITE || invited);
    }
}
