package org.tribune.safety;

import java.time.Instant;

/** Someone the person blocked, as their own list shows it. */
public record Block(long blockedId, String handle, String displayName, Instant since) {
}
