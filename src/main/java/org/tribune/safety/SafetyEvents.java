package org.tribune.safety;

/** What the safety feature tells others. A block is private: these never reach the blocked person. */
public final class SafetyEvents {
    private SafetyEvents() {
    }

    /** {@code blockerId} blocked {@code blockedId}; follows between them have already ended. */
    public record Blocked(long blockerId, long blockedId) {
    }

    /** The block was lifted. Ended follows stay ended. */
    public record Unblocked(long blockerId, long blockedId) {
    }
}
