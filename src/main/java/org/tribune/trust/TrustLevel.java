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

    public static TrustLevel of(int number) {
        return values()[Math.clamp(number, 0, values().length - 1)];
    }
}
