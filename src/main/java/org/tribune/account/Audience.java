package org.tribune.account;

/** Who may see a part of someone's profile. The person themselves always sees it. */
public enum Audience {
    /** Anyone, visitors and API clients without an account included. */
    EVERYONE,
    /** Signed-in members (active or waiting). */
    MEMBERS,
    /** Nobody but the person. */
    NOBODY;

    /** Whether a viewer (null for a visitor) may see what {@code ownerId} shows to this audience. */
    public boolean admits(Long viewerId, boolean viewerIsMember, long ownerId) {
        if (viewerId != null && viewerId == ownerId) {
            return true;
        }
        return switch (this) {
            case EVERYONE -> true;
            case MEMBERS -> viewerId != null && viewerIsMember;
            case NOBODY -> false;
        };
    }
}
