package org.tribune.group;

/** A member's standing in one group. */
public enum GroupRole {
    OWNER, MODERATOR, MEMBER;

    public boolean canModerate() {
        return this == OWNER || this == MODERATOR;
    }
}
