package org.tribune.moderation;

import java.time.Instant;

/** A flag as stored. {@code flaggerId} never leaves the moderation feature except to its own flagger. */
public record Flag(long id, TargetKind targetKind, long targetId, long postId, Long groupId, long authorId,
        long flaggerId, FlagReason reason, Instant createdAt, String outcome) {
}
