package org.tribune.trust;

/** Trust levels, after Discourse's: earned by taking part, except {@link #LEADER}, which administrators grant. */
public enum TrustLevel {
    NEW, BASIC, MEMBER, REGULAR, LEADER;

    public int number() {
        return ordinal();
    }

    public boolean atLeast(TrustLevel other) {
        return ordinal() >= other.ordinal();
    }

    /**
     * How much more of a daily allowance (edits, flags) this level gets than the base allowance: ×1 up to basic,
     * ×1.5 for members, ×2 for regulars, ×3 for leaders.
     */
    public double allowanceFactor() {
        return switch (this) {
            case NEW, BASIC -> 1.0;
            case MEMBER -> 1.5;
            case REGULAR -> 2.0;
            case LEADER -> 3.0;
        };
    }

    /** A daily allowance scaled for this level, e.g. 30 edits a day at basic → 45 for members. */
    public int dailyAllowance(int base) {
        return (int) Math.floor(base * allowanceFactor());
    }

    public static TrustLevel of(int number) {
        return values()[Math.clamp(number, 0, values().length - 1)];
    }
}
