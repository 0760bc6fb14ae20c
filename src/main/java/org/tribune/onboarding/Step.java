package org.tribune.onboarding;

import java.util.Locale;
import java.util.Optional;

/** The screens of onboarding, in order; {@link #slug()} is the last segment of the screen's address. */
public enum Step {
    LANGUAGE, GROUPS, PEOPLE, CONDUCT, EDITING, FLAGS, NOTES;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 1-based, for "step 2 of 7". */
    public int number() {
        return ordinal() + 1;
    }

    public static int count() {
        return values().length;
    }

    /** The next screen; empty after the last. */
    public Optional<Step> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public static Optional<Step> ofSlug(String slug) {
        for (Step step : values()) {
            if (step.slug().equals(slug)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
