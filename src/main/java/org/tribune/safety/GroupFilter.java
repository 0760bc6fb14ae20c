package org.tribune.safety;

import java.time.Instant;

/**
 * A group moderators' filter: a word or phrase matched like a person's filters (whole words, accents and case
 * folded) against what is posted in the group, which is then held for a moderator's review or refused.
 */
public record GroupFilter(long id, long groupId, String phrase, Action action, Instant createdAt) {

    public static final int PER_GROUP_MAX = 200;

    /** What happens to a post, comment or edit that matches. */
    public enum Action {
        /** Published hidden, waiting in the group's moderation queue; its author sees it and why. */
        HOLD,
        /** Not published: the author is told why and keeps what they wrote. */
        REFUSE
    }
}
