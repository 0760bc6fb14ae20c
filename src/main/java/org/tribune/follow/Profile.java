package org.tribune.follow;

/**
 * A person as the viewer may see them (never their address), with their follow counts and whether the viewer follows
 * them. {@code bio} is null when the person shows their profile details to fewer people, {@code counts} null when
 * they hide whom they follow and who follows them.
 */
public record Profile(long id, String handle, String displayName, String bio, FollowCounts counts, boolean followedByMe) {
}
