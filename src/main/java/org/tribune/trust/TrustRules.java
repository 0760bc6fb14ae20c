package org.tribune.trust;

import java.util.List;

/**
 * The level rules, free of any storage so they can be proven case by case. Levels 1 and 2 are earned once from
 * all-time counts and never taken away automatically; level 3 is earned from the last 100 days and lost when any
 * count falls below {@code keepPercent}% of its bar (or too many flags are upheld); level 4 is only ever set by
 * administrators.
 */
public record TrustRules(TrustSettings settings) {

    public List<Requirement> basic(Activity allTime) {
        TrustSettings.Basic bar = settings.tl1();
        return List.of(
                Requirement.atLeast("posts-entered", allTime.postsEntered(), bar.postsEntered()),
                Requirement.atLeast("posts-read", allTime.postsRead(), bar.postsRead()),
                Requirement.atLeast("minutes-reading", allTime.minutesReading(), bar.minutesReading()));
    }

    public List<Requirement> member(Activity allTime) {
        TrustSettings.Member bar = settings.tl2();
        return List.of(
                Requirement.atLeast("days-visited", allTime.daysVisited(), bar.daysVisited()),
                Requirement.atLeast("posts-entered", allTime.postsEntered(), bar.postsEntered()),
                Requirement.atLeast("posts-read", allTime.postsRead(), bar.postsRead()),
                Requirement.atLeast("minutes-reading", allTime.minutesReading(), bar.minutesReading()),
                Requirement.atLeast("likes-given", allTime.likesGiven(), bar.likesGiven()),
                Requirement.atLeast("likes-received", allTime.likesReceived(), bar.likesReceived()),
                Requirement.atLeast("reply-threads", allTime.replyThreads(), bar.replyThreads()));
    }

    /** Level 3's bars over the window; {@code published} is how many posts the whole site published in it. */
    public List<Requirement> regular(Activity window, long published) {
        TrustSettings.Regular bar = settings.tl3();
        return List.of(
                Requirement.atLeast("days-visited", window.daysVisited(), bar.daysVisited()),
                Requirement.atLeast("replies", window.replies(), bar.replies()),
                Requirement.atLeast("posts-read", window.postsRead(), postsToRead(published)),
                Requirement.atLeast("likes-given", window.likesGiven(), bar.likesGiven()),
                Requirement.atLeast("likes-received", window.likesReceived(), bar.likesReceived()),
                Requirement.atLeast("distinct-likers", window.distinctLikers(), bar.distinctLikers()),
                Requirement.atMost("upheld-flags", window.upheldFlags(), bar.maxUpheldFlags()));
    }

    /** A share of what was published, rounded up, and capped so a busy site does not ask the impossible. */
    long postsToRead(long published) {
        TrustSettings.Regular bar = settings.tl3();
        long share = (Math.max(0, published) * bar.postsReadPercent() + 99) / 100;
        return Math.min(share, bar.postsReadCap());
    }

    /** Level 3's bars as a regular must keep them: each lowered to the keeping share. */
    public List<Requirement> regularToKeep(Activity window, long published) {
        return regular(window, published).stream().map(r -> r.loweredTo(settings.tl3().keepPercent())).toList();
    }

    /** The level someone has earned now, given the level they hold. */
    public TrustLevel earned(TrustLevel current, Activity allTime, Activity window, long published) {
        if (current == TrustLevel.LEADER) {
            return TrustLevel.LEADER;
        }
        TrustLevel level = TrustLevel.NEW;
        if (allMet(basic(allTime))) {
            level = allMet(member(allTime)) ? TrustLevel.MEMBER : TrustLevel.BASIC;
        }
        // Levels 1 and 2 stay once earned, even if counts were later erased or the bars raised.
        TrustLevel kept = current.atLeast(TrustLevel.MEMBER) ? TrustLevel.MEMBER : current;
        if (kept.ordinal() > level.ordinal()) {
            level = kept;
        }
        if (level != TrustLevel.MEMBER) {
            return level;
        }
        List<Requirement> regular = regular(window, published);
        boolean earnsRegular = allMet(regular);
        boolean keepsRegular = current == TrustLevel.REGULAR
                && regular.stream().allMatch(r -> r.keptAt(settings.tl3().keepPercent()));
        return earnsRegular || keepsRegular ? TrustLevel.REGULAR : TrustLevel.MEMBER;
    }

    private static boolean allMet(List<Requirement> requirements) {
        return requirements.stream().allMatch(Requirement::met);
    }
}
