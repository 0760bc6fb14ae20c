package org.tribune.moderation;

import java.util.Locale;

import org.tribune.platform.InvalidInput;

/**
 * Why someone flags. The first four are about abuse and can hide content; "needs context" asks for a note.
 * {@code FILTERED} is no person's flag: a group's filter held the content for review (see {@link FilterActions}).
 */
public enum FlagReason {
    SPAM, HARASSMENT, ILLEGAL, OFF_TOPIC, NEEDS_CONTEXT, FILTERED;

    /** The reasons a person may choose. */
    public static final java.util.List<FlagReason> CHOSEN_BY_PEOPLE = java.util.List.of(SPAM, HARASSMENT, ILLEGAL, OFF_TOPIC,
            NEEDS_CONTEXT);

    public boolean canHide() {
        return this != NEEDS_CONTEXT;
    }

    /** The form of the name used in URLs, JSON and message keys: {@code off-topic}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FlagReason parse(String text) {
        try {
            FlagReason reason = valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            if (reason == FILTERED) {
                throw InvalidInput.of("reason", "flag.reason-unknown");
            }
            return reason;
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("reason", "flag.reason-unknown");
        }
    }
}
