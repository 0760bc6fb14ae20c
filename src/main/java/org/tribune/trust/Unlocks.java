package org.tribune.trust;

import java.util.List;

/**
 * What each level unlocks, as message keys {@code trust.unlock.<name>}. Shown on the public levels page and on
 * profiles; the features that check the rights (editing, notes, flags, invitations) ask {@link TrustLevels}.
 */
public final class Unlocks {
    private Unlocks() {
    }

    public static List<String> of(TrustLevel level) {
        return switch (level) {
            case NEW -> List.of("read", "take-part");
            case BASIC -> List.of("flag", "rate-notes");
            case MEMBER -> List.of("edit-open", "write-notes", "invite");
            case REGULAR -> List.of("review-edits", "recategorise", "lock");
            case LEADER -> List.of("lead");
        };
    }

    /** Everything unlocked at this level and below it. */
    public static List<String> upTo(TrustLevel level) {
        return java.util.Arrays.stream(TrustLevel.values()).filter(level::atLeast).flatMap(l -> of(l).stream()).toList();
    }
}
