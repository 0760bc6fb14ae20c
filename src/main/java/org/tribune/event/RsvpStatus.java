package org.tribune.event;

import java.util.Locale;

/** A person's answer. WAITLISTED is never asked for: it is GOING past the capacity, until a place frees. */
public enum RsvpStatus {
    GOING, WAITLISTED, MAYBE, DECLINED;

    /** The answer someone may give (GOING, MAYBE, DECLINED), or null when the text is none of them. */
    public static RsvpStatus answer(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "GOING" -> GOING;
            case "MAYBE" -> MAYBE;
            case "DECLINED" -> DECLINED;
            default -> null;
        };
    }

    /** Whether this answer holds or asks for a place. */
    public boolean wantsPlace() {
        return this == GOING || this == WAITLISTED;
    }
}
