package org.tribune.follow;

/** A person as anyone may see them (never their address), with their follow counts and whether the viewer follows them. */
public record Profile(long id, String handle, String displayName, String bio, FollowCounts counts, boolean followedByMe) {
}
