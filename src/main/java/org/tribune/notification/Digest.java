package org.tribune.notification;

import java.time.Duration;

/** How often someone wants an e-mail about their unread notifications. */
public enum Digest {
    DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7)), NEVER(null);

    private final Duration period;

    Digest(Duration period) {
        this.period = period;
    }

    /** At most one digest per period; null for NEVER. */
    public Duration period() {
        return period;
    }

    /** The digest for a stored or submitted name; null when unknown. */
    static Digest parse(String name) {
        for (Digest digest : values()) {
            if (digest.name().equals(name)) {
                return digest;
            }
        }
        return null;
    }
}
