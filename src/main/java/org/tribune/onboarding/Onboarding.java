package org.tribune.onboarding;

import java.time.Instant;

/**
 * One person's progress through onboarding: the furthest screen they opened, when they first saw it, when they
 * finished or left it, and when they agreed to the code of conduct here (null until they do).
 */
public record Onboarding(long accountId, Step step, Instant startedAt, Instant seenAt, Instant finishedAt,
        Instant conductAgreedAt) {

    public boolean finished() {
        return finishedAt != null;
    }
}
