package org.tribune.moderation;

import java.time.Instant;

/**
 * One entry of the moderation log. {@code moderatorId} is null when the community's flags acted; {@code role} says
 * in which capacity ({@code community}, {@code trusted-member}, {@code group-moderator}, {@code site-moderator},
 * {@code administrator} for the administrators' page); {@code rule} is the flag reason or the code-of-conduct rule
 * ({@code administrators} for the administrators' page, which cites none); {@code until} is null for what lasts until
 * lifted (an administrator's suspension) or does not last; {@code appealOf} links an appeal decision to the action
 * it reviewed.
 */
public record ModerationAction(long id, Action action, TargetKind targetKind, long targetId, Long postId, Long groupId,
        Long subjectId, Long moderatorId, String role, String rule, String reason, Instant until, Instant createdAt,
        Long appealOf) {

    public enum Action {
        HIDE, REMOVE, RESTORE, SUSPEND, UNSUSPEND, BAN, LOCK, UNLOCK, APPEAL_UPHELD, APPEAL_REVERSED,
        /** A moderator put a content warning on a post. */
        WARN,
        /** A group's filter held a post or comment for a moderator's review (no moderator: the filter acted). */
        HOLD,
        /** A group's filter refused a post, comment or edit; nothing was published. */
        REFUSE;

        /** Actions a person may appeal: those that took something from them. */
        public boolean appealable() {
            return this == HIDE || this == REMOVE || this == SUSPEND || this == BAN || this == LOCK;
        }

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
