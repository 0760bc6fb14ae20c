package org.tribune.feed;

import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.PrivacySettings;
import org.tribune.donation.DonationService;
import org.tribune.event.EventService;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupPage;
import org.tribune.group.GroupService;
import org.tribune.platform.web.Markdown;
import org.tribune.platform.web.Viewer;
import org.tribune.trust.ReadingLog;
import org.tribune.trust.TrustComputation;
import org.tribune.trust.TrustLevels;

/** The pages that show feeds: home, a group, a person's profile. */
@Controller
class FeedController {
    private final FeedService feeds;
    private final AccountService accounts;
    private final GroupService groups;
    private final GroupAccess access;
    private final FollowService follows;
    private final Markdown markdown;
    private final DonationService donations;
    private final ReadingLog reading;
    private final TrustLevels trust;
    private final TrustComputation progress;
    private final EventService events;
    private final org.tribune.safety.SafetyService safety;
    private final org.tribune.onboarding.OnboardingService onboarding;
    /** Upcoming events shown beside the home feed and on a group's page. */
    private static final int UPCOMING_SHOWN = 3;
    private static final int SIDE_GROUPS = 8;
    private static final int SIDE_SUGGESTED = 4;

    FeedController(FeedService feeds, AccountService accounts, GroupService groups, GroupAccess access, FollowService follows,
            Markdown markdown, DonationService donations, ReadingLog reading, TrustLevels trust, TrustComputation progress,
            EventService events, org.tribune.safety.SafetyService safety,
            org.tribune.onboarding.OnboardingService onboarding) {
        this.onboarding = onboarding;
        this.events = events;
        this.safety = safety;
        this.reading = reading;
        this.trust = trust;
        this.progress = progress;
        this.donations = donations;
        this.feeds = feeds;
        this.accounts = accounts;
        this.groups = groups;
        this.access = access;
        this.follows = follows;
        this.markdown = markdown;
    }

    /** Visitors learn what Tribune is; members get their home feed. */
    @GetMapping("/")
    String home(@RequestParam(required = false) Long before, Viewer viewer, Model model) {
        Account me = accounts.of(viewer).orElse(null);
        if (me == null) {
            return "site/welcome";
        }
        if (me.state() == AccountState.WAITING) {
            return "redirect:/waitlist"; // admission's page: their place in the queue and the ways in sooner
        }
        Feed feed = feeds.home(me, before);
        read(me.id(), feed);
        // A new member meets their first steps at the top of home; they never stand in the way of the feed.
        model.addAttribute("onboardingNew", onboarding.landsOnIt(me.id()));
        model.addAttribute("onboardingPending", onboarding.progress(me.id()).map(o -> !o.finished()).orElse(false));
        model.addAttribute("feed", feed);
        model.addAttribute("firstPage", before == null);
        model.addAttribute("groupCount", access.memberGroupIds(me.id()).size());
        model.addAttribute("events", events.upcomingForMember(me.id(), null, UPCOMING_SHOWN));
        sideColumn(me, model);
        return "feed/home";
    }

    /**
     * The side column beside the feed: a few of the reader's groups, and a few active public groups they are not in
     * (the directory's first page by activity: one indexed query, no per-person ranking).
     */
    private void sideColumn(Account me, Model model) {
        model.addAttribute("myGroups", groups.mine(me.id()).stream().limit(SIDE_GROUPS).toList());
        model.addAttribute("suggestedGroups", groups.suggestedBeside(access.memberGroupIds(me.id()), SIDE_SUGGESTED));
    }

    /** For "N new posts": how many arrived after the newest one on the page. */
    @GetMapping("/feed/new")
    @ResponseBody
    ResponseEntity<Map<String, Integer>> newPosts(Account me, @RequestParam long after) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("count", feeds.newSince(me, after)));
    }

    @GetMapping("/groups/{slug}")
    String group(@PathVariable String slug, @RequestParam(required = false) Long before, Viewer viewer, Model model) {
        Account me = accounts.of(viewer).orElse(null);
        GroupPage view = groups.view(slug, me);
        model.addAttribute("view", view);
        model.addAttribute("description", markdown.toSafeHtml(view.group().description()));
        model.addAttribute("events", events.upcomingIn(view.group(), me == null ? null : me.id(), null, UPCOMING_SHOWN));
        Feed feed = feeds.group(view, me == null ? null : me.id(), before);
        read(me == null ? null : me.id(), feed);
        model.addAttribute("feed", feed);
        return "feed/group";
    }

    @GetMapping("/@{handle}")
    String profile(@PathVariable String handle, @RequestParam(required = false) Long before, Viewer viewer, Model model) {
        Long viewerId = viewer == null ? null : viewer.id();
        Account person = feeds.person(handle, viewerId);
        // What the person lets this viewer see (see their privacy settings); they always see all of it.
        PrivacySettings privacy = accounts.privacy(person.id());
        boolean member = viewerId != null;
        boolean details = privacy.profile().admits(viewerId, member, person.id());
        List<Group> visibleGroups = !privacy.groups().admits(viewerId, member, person.id()) ? List.of()
                : groups.mine(person.id()).stream().filter(g -> access.canRead(g, viewerId)).toList();
        model.addAttribute("person", person);
        model.addAttribute("details", details);
        model.addAttribute("bio", details ? markdown.toSafeHtml(person.bio()) : "");
        model.addAttribute("avatar", details ? accounts.avatarPath(person.id()).orElse(null) : null);
        model.addAttribute("indexable", privacy.indexable());
        model.addAttribute("own", viewerId != null && viewerId == person.id());
        model.addAttribute("groups", visibleGroups);
        model.addAttribute("counts", privacy.follows().admits(viewerId, member, person.id()) ? follows.counts(person.id()) : null);
        model.addAttribute("followedByViewer", viewerId != null && follows.isFollowing(viewerId, person.id()));
        boolean other = viewerId != null && viewerId != person.id();
        model.addAttribute("blockedByViewer", other && safety.hasBlocked(viewerId, person.id()));
        model.addAttribute("mutedByViewer", other && safety.hasMuted(viewerId, person.id()));
        model.addAttribute("earlierNames", accounts.recentEarlierNames(person.id()));
        model.addAttribute("nameHistory", viewer != null && viewer.isModerator() ? accounts.displayNameHistory(person.id()) : List.of());
        Feed feed = feeds.profile(person, viewerId, before);
        read(viewerId, feed);
        model.addAttribute("feed", feed);
        model.addAttribute("donor", donations.showsBadge(person.id()));
        model.addAttribute("trustLevel", trust.of(person.id()));
        model.addAttribute("trustProgress", viewerId != null && viewerId == person.id() ? progress.progress(person.id()) : null);
        return "feed/profile";
    }

    /** The posts shown count as read for the reader's trust level (counted in memory, written in bulk). */
    private void read(Long viewerId, Feed feed) {
        if (viewerId != null && !feed.entries().isEmpty()) {
            reading.read(viewerId, feed.entries().stream().map(e -> e.item().post().id()).toList());
        }
    }
}
