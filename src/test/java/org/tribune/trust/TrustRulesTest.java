package org.tribune.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The level rules with Discourse's default bars, case by case. */
class TrustRulesTest {
    static final TrustSettings DEFAULTS = new TrustSettings(
            new TrustSettings.Basic(5, 30, 10),
            new TrustSettings.Member(15, 20, 100, 60, 1, 1, 3),
            new TrustSettings.Regular(100, 50, 10, 25, 20000, 30, 20, 5, 5, 90),
            new TrustSettings.Reading(Duration.ofMinutes(5), Duration.ofSeconds(5)));
    final TrustRules rules = new TrustRules(DEFAULTS);

    /** Exactly level 1's bars. */
    static final Activity BASIC_BAR = new Activity(0, 5, 30, 600, 0, 0, 0, 0, 0, 0);
    /** Exactly level 2's bars (which include level 1's). */
    static final Activity MEMBER_BAR = new Activity(15, 20, 100, 3600, 1, 1, 3, 3, 1, 0);
    /** Exactly level 3's bars over the window, with 1000 posts published (so 250 to read). */
    static final Activity REGULAR_BAR = new Activity(50, 0, 250, 0, 30, 20, 10, 0, 5, 5);
    static final long PUBLISHED = 1000;

    TrustLevel earned(TrustLevel current, Activity allTime, Activity window) {
        return rules.earned(current, allTime, window, PUBLISHED);
    }

    @Test
    void nothingDoneIsNew() {
        assertThat(earned(TrustLevel.NEW, Activity.NONE, Activity.NONE)).isEqualTo(TrustLevel.NEW);
    }

    @Test
    void exactlyTheBasicBarsMakeBasicAndOneLessOfAnyDoesNot() {
        assertThat(earned(TrustLevel.NEW, BASIC_BAR, Activity.NONE)).isEqualTo(TrustLevel.BASIC);
        assertThat(earned(TrustLevel.NEW, new Activity(0, 4, 30, 600, 0, 0, 0, 0, 0, 0), Activity.NONE)).isEqualTo(TrustLevel.NEW);
        assertThat(earned(TrustLevel.NEW, new Activity(0, 5, 29, 600, 0, 0, 0, 0, 0, 0), Activity.NONE)).isEqualTo(TrustLevel.NEW);
        assertThat(earned(TrustLevel.NEW, new Activity(0, 5, 30, 599, 0, 0, 0, 0, 0, 0), Activity.NONE))
                .as("9 minutes 59 seconds are 9 minutes").isEqualTo(TrustLevel.NEW);
    }

    @Test
    void exactlyTheMemberBarsMakeMember() {
        assertThat(earned(TrustLevel.NEW, MEMBER_BAR, Activity.NONE)).isEqualTo(TrustLevel.MEMBER);
        assertThat(earned(TrustLevel.BASIC, MEMBER_BAR, Activity.NONE)).isEqualTo(TrustLevel.MEMBER);
    }

    @Test
    void eachMissingMemberBarKeepsThemBasic() {
        Activity[] oneShort = {
                new Activity(14, 20, 100, 3600, 1, 1, 3, 3, 1, 0),
                new Activity(15, 19, 100, 3600, 1, 1, 3, 3, 1, 0),
                new Activity(15, 20, 99, 3600, 1, 1, 3, 3, 1, 0),
                new Activity(15, 20, 100, 3599, 1, 1, 3, 3, 1, 0),
                new Activity(15, 20, 100, 3600, 0, 1, 3, 3, 1, 0),
                new Activity(15, 20, 100, 3600, 1, 0, 3, 3, 1, 0),
                new Activity(15, 20, 100, 3600, 1, 1, 30, 2, 1, 0)};
        for (Activity activity : oneShort) {
            assertThat(earned(TrustLevel.BASIC, activity, Activity.NONE)).as(activity.toString()).isEqualTo(TrustLevel.BASIC);
        }
    }

    @Test
    void memberBarsWithoutTheBasicOnesAreNotEnough() {
        // Level 2 counts over level 1's would not do without level 1's own: they are checked in order.
        Activity noMinutes = new Activity(15, 20, 100, 0, 1, 1, 3, 3, 1, 0);
        assertThat(earned(TrustLevel.NEW, noMinutes, Activity.NONE)).isEqualTo(TrustLevel.NEW);
    }

    @Test
    void earnedLevelsOneAndTwoAreNeverTakenAwayByTheComputation() {
        assertThat(earned(TrustLevel.BASIC, Activity.NONE, Activity.NONE)).isEqualTo(TrustLevel.BASIC);
        assertThat(earned(TrustLevel.MEMBER, Activity.NONE, Activity.NONE)).isEqualTo(TrustLevel.MEMBER);
    }

    @Test
    void exactlyTheRegularBarsOverTheWindowMakeRegular() {
        assertThat(earned(TrustLevel.MEMBER, MEMBER_BAR, REGULAR_BAR)).isEqualTo(TrustLevel.REGULAR);
        assertThat(earned(TrustLevel.BASIC, MEMBER_BAR, REGULAR_BAR)).as("both steps in one night").isEqualTo(TrustLevel.REGULAR);
    }

    @Test
    void theRegularBarsNeedTheMemberLevel() {
        assertThat(earned(TrustLevel.NEW, BASIC_BAR, REGULAR_BAR)).isEqualTo(TrustLevel.BASIC);
    }

    @Test
    void eachMissingRegularBarKeepsAMemberAMember() {
        Activity[] oneShort = {
                new Activity(49, 0, 250, 0, 30, 20, 10, 0, 5, 5),
                new Activity(50, 0, 250, 0, 30, 20, 9, 0, 5, 5),
                new Activity(50, 0, 249, 0, 30, 20, 10, 0, 5, 5),
                new Activity(50, 0, 250, 0, 29, 20, 10, 0, 5, 5),
                new Activity(50, 0, 250, 0, 30, 19, 10, 0, 5, 5),
                new Activity(50, 0, 250, 0, 30, 20, 10, 0, 4, 5),
                new Activity(50, 0, 250, 0, 30, 20, 10, 0, 5, 6)};
        for (Activity window : oneShort) {
            assertThat(earned(TrustLevel.MEMBER, MEMBER_BAR, window)).as(window.toString()).isEqualTo(TrustLevel.MEMBER);
        }
    }

    @Test
    void twentyLikesFromFourPeopleAreNotEnough() {
        Activity fewFriends = new Activity(50, 0, 250, 0, 30, 40, 10, 0, 4, 0);
        assertThat(earned(TrustLevel.MEMBER, MEMBER_BAR, fewFriends)).isEqualTo(TrustLevel.MEMBER);
    }

    @Test
    void postsToReadAreAQuarterOfThePublishedRoundedUpAndCapped() {
        assertThat(rules.postsToRead(0)).isZero();
        assertThat(rules.postsToRead(1)).isEqualTo(1);
        assertThat(rules.postsToRead(4)).isEqualTo(1);
        assertThat(rules.postsToRead(5)).isEqualTo(2);
        assertThat(rules.postsToRead(1000)).isEqualTo(250);
        assertThat(rules.postsToRead(80_000)).isEqualTo(20_000);
        assertThat(rules.postsToRead(10_000_000)).as("capped").isEqualTo(20_000);
    }

    @Test
    void onAQuietSiteNoPostsNeedReading() {
        Activity window = new Activity(50, 0, 0, 0, 30, 20, 10, 0, 5, 0);
        assertThat(rules.earned(TrustLevel.MEMBER, MEMBER_BAR, window, 0)).isEqualTo(TrustLevel.REGULAR);
    }

    @Test
    void aRegularKeepsTheLevelAtNinetyPercentOfEveryBar() {
        // 90% of 50, 10, 250, 30, 20, 5: 45, 9, 225, 27, 18, 4.5 (so 5 likers are needed: 4 is 80%).
        Activity atNinety = new Activity(45, 0, 225, 0, 27, 18, 9, 0, 5, 5);
        assertThat(earned(TrustLevel.REGULAR, MEMBER_BAR, atNinety)).isEqualTo(TrustLevel.REGULAR);
        assertThat(earned(TrustLevel.MEMBER, MEMBER_BAR, atNinety)).as("not enough to earn it").isEqualTo(TrustLevel.MEMBER);
    }

    @Test
    void aRegularLosesTheLevelBelowNinetyPercentOfAnyBar() {
        Activity[] justBelow = {
                new Activity(44, 0, 225, 0, 27, 18, 9, 0, 5, 5),
                new Activity(45, 0, 225, 0, 27, 18, 8, 0, 5, 5),
                new Activity(45, 0, 224, 0, 27, 18, 9, 0, 5, 5),
                new Activity(45, 0, 225, 0, 26, 18, 9, 0, 5, 5),
                new Activity(45, 0, 225, 0, 27, 17, 9, 0, 5, 5),
                new Activity(45, 0, 225, 0, 27, 18, 9, 0, 4, 5)};
        for (Activity window : justBelow) {
            assertThat(earned(TrustLevel.REGULAR, MEMBER_BAR, window)).as(window.toString()).isEqualTo(TrustLevel.MEMBER);
        }
    }

    @Test
    void aRegularWithMoreThanFiveUpheldFlagsLosesTheLevelWhateverElse() {
        Activity busyButFlagged = new Activity(100, 0, 1000, 0, 100, 100, 100, 0, 50, 6);
        assertThat(earned(TrustLevel.REGULAR, MEMBER_BAR, busyButFlagged)).isEqualTo(TrustLevel.MEMBER);
        assertThat(earned(TrustLevel.MEMBER, MEMBER_BAR, busyButFlagged)).isEqualTo(TrustLevel.MEMBER);
    }

    @Test
    void aRegularWhoLeftForAHundredDaysIsAMemberAgain() {
        assertThat(earned(TrustLevel.REGULAR, MEMBER_BAR, Activity.NONE)).isEqualTo(TrustLevel.MEMBER);
    }

    @Test
    void aLeaderStaysALeader() {
        assertThat(earned(TrustLevel.LEADER, Activity.NONE, Activity.NONE)).isEqualTo(TrustLevel.LEADER);
    }

    @Test
    void aRegularSeesTheBarsToKeepLoweredToNinetyPercent() {
        var keep = rules.regularToKeep(REGULAR_BAR, PUBLISHED);
        assertThat(keep).extracting(Requirement::name, Requirement::need).containsExactly(
                org.assertj.core.groups.Tuple.tuple("days-visited", 45L), org.assertj.core.groups.Tuple.tuple("replies", 9L),
                org.assertj.core.groups.Tuple.tuple("posts-read", 225L), org.assertj.core.groups.Tuple.tuple("likes-given", 27L),
                org.assertj.core.groups.Tuple.tuple("likes-received", 18L), org.assertj.core.groups.Tuple.tuple("distinct-likers", 5L),
                org.assertj.core.groups.Tuple.tuple("upheld-flags", 5L));
        assertThat(keep).allMatch(Requirement::met);
    }

    @Test
    void progressCountsShowHaveAgainstNeed() {
        var basic = rules.basic(new Activity(0, 2, 12, 300, 0, 0, 0, 0, 0, 0));
        assertThat(basic).containsExactly(Requirement.atLeast("posts-entered", 2, 5), Requirement.atLeast("posts-read", 12, 30),
                Requirement.atLeast("minutes-reading", 5, 10));
        assertThat(basic).noneMatch(Requirement::met);
        assertThat(Requirement.atMost("upheld-flags", 5, 5).met()).isTrue();
        assertThat(Requirement.atMost("upheld-flags", 6, 5).met()).isFalse();
    }

    @Test
    void smallerBarsFromSettingsApply() {
        TrustSettings easy = new TrustSettings(new TrustSettings.Basic(1, 1, 0),
                new TrustSettings.Member(1, 1, 1, 0, 1, 1, 1), DEFAULTS.tl3(), DEFAULTS.reading());
        TrustRules easyRules = new TrustRules(easy);
        assertThat(easyRules.earned(TrustLevel.NEW, new Activity(1, 1, 1, 0, 1, 1, 1, 1, 1, 0), Activity.NONE, 0))
                .isEqualTo(TrustLevel.MEMBER);
    }
}
