package org.tribune.moderation;

import java.util.Locale;

import org.tribune.platform.InvalidInput;

/** Why someone flags. The first four are about abuse and can hide content; "needs context" asks for a note. */
public enum FlagReason {
    SPAM, HARASSMENT, ILLEGAL, OFF_TOPIC, NEEDS_CONTEXT;

    public boolean canHide() {
        return this != NEEDS_CONTEXT;
    }

    /** The form of the name used in URLs, JSON and message keys: {@code off-topic}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FlagReason parse(String text) {
        try {
            return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("reason", "flag.reason-unknown");
        }
    }
}
