package org.tribune.safety;

import java.time.Instant;

/** Someone the person muted, until {@code until} or for good (null). */
public record Mute(long mutedId, String handle, String displayName, Instant since, Instant until) {
}
