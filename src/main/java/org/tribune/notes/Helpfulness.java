package org.tribune.notes;

import java.util.Locale;
import java.util.Set;

/** A rater's answer to "is this note helpful?", and the reason tags that go with each answer. */
public enum Helpfulness {
    HELPFUL(1.0), SOMEWHAT(0.5), NOT_HELPFUL(0.0);

    /** Reasons a rater may give: the first five for helpful answers, the others for unhelpful ones. */
    public static final Set<String> TAGS = Set.of("clear", "good-sources", "addresses-claim", "important-context",
            "neutral-language", "sources-missing", "incorrect", "opinion", "hard-to-understand", "off-topic",
            "argumentative");

    private final double value;

    Helpfulness(double value) {
        this.value = value;
    }

    public double value() {
        return value;
    }

    public static Helpfulness parse(String text) {
        try {
            return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw org.tribune.platform.InvalidInput.of("helpfulness", "notes.helpfulness-unknown");
        }
    }

    public static Helpfulness of(double value) {
        return value >= 1.0 ? HELPFUL : value >= 0.5 ? SOMEWHAT : NOT_HELPFUL;
    }
}
