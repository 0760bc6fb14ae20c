package org.tribune.trust;

/** Gives test accounts a trust level directly, as the nightly computation would. */
public final class TrustFixture {
    private TrustFixture() {
    }

    public static void set(TrustLevels levels, long accountId, TrustLevel level) {
        levels.set(accountId, level);
    }
}
