package org.tribune.trust;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bars of the trust levels, {@code tribune.trust.*}. The defaults are Discourse's: people who read and take part
 * for a few weeks become members, the steady core of the last 100 days become regulars.
 *
 * @param reading how page views become reading time and how often counts reach the database
 */
@ConfigurationProperties("tribune.trust")
public record TrustSettings(@DefaultValue Basic tl1, @DefaultValue Member tl2, @DefaultValue Regular tl3,
        @DefaultValue Reading reading) {

    /** The numbers in the public description of how a level is earned, in the order its message uses them. */
    public Object[] barsOf(TrustLevel level) {
        return switch (level) {
            case BASIC -> new Object[] {tl1.postsEntered(), tl1.postsRead(), tl1.minutesReading()};
            case MEMBER -> new Object[] {tl2.daysVisited(), tl2.postsEntered(), tl2.postsRead(), tl2.minutesReading(),
                    tl2.likesGiven(), tl2.likesReceived(), tl2.replyThreads()};
            case REGULAR -> new Object[] {tl3.windowDays(), tl3.daysVisited(), tl3.replies(), tl3.postsReadPercent(),
                    tl3.likesGiven(), tl3.likesReceived(), tl3.distinctLikers(), tl3.maxUpheldFlags(), tl3.keepPercent()};
            case NEW, LEADER -> new Object[0];
        };
    }

    /** Level 1, basic: counted over all time. */
    public record Basic(@DefaultValue("5") int postsEntered, @DefaultValue("30") int postsRead,
            @DefaultValue("10") int minutesReading) {
    }

    /** Level 2, member: counted over all time. */
    public record Member(@DefaultValue("15") int daysVisited, @DefaultValue("20") int postsEntered,
            @DefaultValue("100") int postsRead, @DefaultValue("60") int minutesReading,
            @DefaultValue("1") int likesGiven, @DefaultValue("1") int likesReceived,
            @DefaultValue("3") int replyThreads) {
    }

    /**
     * Level 3, regular: counted over the last {@code windowDays}; kept while every count stays at or above
     * {@code keepPercent} of its bar. {@code postsReadPercent} is a share of all posts published in the window, at
     * most {@code postsReadCap}.
     */
    public record Regular(@DefaultValue("100") int windowDays, @DefaultValue("50") int daysVisited,
            @DefaultValue("10") int replies, @DefaultValue("25") int postsReadPercent,
            @DefaultValue("20000") int postsReadCap, @DefaultValue("30") int likesGiven,
            @DefaultValue("20") int likesReceived, @DefaultValue("5") int distinctLikers,
            @DefaultValue("5") int maxUpheldFlags, @DefaultValue("90") int keepPercent) {
    }

    /**
     * @param idleAfter a gap between two pages longer than this is time away, not reading: it counts nothing
     * @param flushEvery how long a node keeps counts in memory before adding them to the database
     */
    public record Reading(@DefaultValue("5m") Duration idleAfter, @DefaultValue("5s") Duration flushEvery) {
    }
}
