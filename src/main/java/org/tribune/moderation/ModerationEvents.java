package org.tribune.moderation;

import java.util.Set;

/** What moderation tells other features: notes hear of "needs context" flags, notifications of decisions. */
public final class ModerationEvents {
    private ModerationEvents() {
    }

    /** Someone flagged a post as needing context: it should be offered to note writers. */
    public record ContextRequested(long postId, Long groupId) {
    }

    /** An action concerns {@code subjectId} (content hidden, removed, restored, suspension...): they are told. */
    public record ActionTaken(long actionId, long subjectId, Long moderatorId, Long postId) {
    }

    /** An appeal waits for one of these moderators (never the one who acted). */
    public record AppealFiled(long appealId, Set<Long> moderatorIds) {
    }

    /** An appeal was decided: its author is told. */
    public record AppealDecided(long appealId, long appellantId, long moderatorId) {
    }
}
