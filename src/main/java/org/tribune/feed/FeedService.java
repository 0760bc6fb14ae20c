package org.tribune.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupPage;
import org.tribune.platform.NotFound;
import org.tribune.post.PostItem;
import org.tribune.post.PostReads;
import org.tribune.safety.FilterMatcher;
import org.tribune.safety.SafetyService;
import org.tribune.safety.WordFilter;
import org.tribune.safety.WordFilters;

/**
 * Builds every feed. Home: the viewer's own posts, posts in their groups, and posts by people they follow (where the
 * viewer may read them). Always newest first by id; nothing is ranked by engagement.
 */
@Service
public class FeedService {
    public static final int PAGE_SIZE = 20;

    private final PostReads posts;
    private final GroupAccess groups;
    private final AccountService accounts;
    private final FollowService following;
    private final SafetyService safety;
    private final WordFilters filters;

    private final Clock clock;

    FeedService(PostReads posts, GroupAccess groups, AccountService accounts, FollowService following, SafetyService safety,
            WordFilters filters, Clock clock) {
        this.clock = clock;
        this.safety = safety;
        this.filters = filters;
        this.posts = posts;
        this.groups = groups;
        this.accounts = accounts;
        this.following = following;
    }

    public Feed home(Account viewer, Long before) {
        Set<Long> myGroups = groups.memberGroupIds(viewer.id());
        Set<Long> followees = following.followeeIds(viewer.id());
        Set<Long> authors = new HashSet<>(followees);
        authors.add(viewer.id());
        FilterMatcher matcher = filters.filtersFor(viewer.id(), WordFilter.Context.HOME);
        FilterScreen screen = new FilterScreen(matcher, viewer.id());
        PostReads.Page page = posts.newest(new PostReads.Sources(myGroups, Set.of(), authors), cursor(before), PAGE_SIZE,
                viewer.id(), screen.orNone());
        Feed feed = new Feed(page.items().stream()
                .map(i -> new FeedEntry(i, reason(i, viewer.id(), myGroups, followees), screen.warningFor(i))).toList(), page.next());
        return before == null ? withSuggestionsIfQuiet(feed, viewer, screen) : feed;
    }

    /** Fewer posts than this from others in {@link #QUIET_WINDOW} on the first page: the feed is quiet. */
    static final int QUIET_BELOW = 5;
    static final Duration QUIET_WINDOW = Duration.ofDays(7);
    /** How many suggested posts a quiet feed shows, and from how many of the most active public groups. */
    static final int SUGGESTIONS = 10;
    private static final int SUGGESTING_GROUPS = 20;

    /**
     * A first page that is never an empty room: when the reader's groups and follows are quiet, recent posts of active
     * public groups they are not in join it, in the same newest-first order, each marked as a suggestion. They are
     * read like any post (blocked and muted authors left out, the reader's word filters applied), never come from a group
     * the reader was banned from, and show only on the first page, so paging on through {@code next} stays the reader's
     * own feed.
     */
    private Feed withSuggestionsIfQuiet(Feed feed, Account viewer, FilterScreen screen) {
        Instant since = clock.instant().minus(QUIET_WINDOW);
        long recent = feed.entries().stream().filter(e -> e.reason().kind() != Reason.Kind.OWN)
                .filter(e -> e.item().post().createdAt().isAfter(since)).count();
        if (recent >= QUIET_BELOW) {
            return feed;
        }
        List<Long> active = groups.activePublicGroupIdsFor(viewer.id(), since, SUGGESTING_GROUPS);
        Set<Long> shown = new HashSet<>(feed.entries().stream().map(e -> e.item().post().id()).toList());
        List<FeedEntry> suggestions = active.isEmpty() ? List.of()
                : posts.newest(new PostReads.Sources(Set.copyOf(active), Set.of(), Set.of()), Long.MAX_VALUE, SUGGESTIONS,
                        viewer.id(), screen.orNone()).items().stream()
                .filter(i -> i.group() != null && i.group().isPublic() && !i.hidden() && i.post().authorId() != viewer.id())
                .filter(i -> !shown.contains(i.post().id()))
                .map(i -> new FeedEntry(i, Reason.suggested(i.group().name(), i.group().slug()), screen.warningFor(i))).toList();
        List<FeedEntry> merged = new java.util.ArrayList<>(feed.entries());
        merged.addAll(suggestions);
        merged.sort(java.util.Comparator.comparingLong((FeedEntry e) -> e.item().post().id()).reversed());
        return new Feed(merged, feed.next(), true);
    }

    /** How many posts arrived in the home feed after {@code afterId}, for "N new posts" (none a hiding filter leaves out). */
    public int newSince(Account viewer, long afterId) {
        Set<Long> authors = new HashSet<>(following.followeeIds(viewer.id()));
        authors.add(viewer.id());
        // Counted as the feed shows them: what the reader's home filters hide is not news to them.
        FilterScreen screen = new FilterScreen(filters.filtersFor(viewer.id(), WordFilter.Context.HOME), viewer.id());
        List<PostItem> newer = posts.newest(new PostReads.Sources(groups.memberGroupIds(viewer.id()), Set.of(), authors),
                Long.MAX_VALUE, 100, viewer.id(), screen.orNone()).items();
        return (int) newer.stream().filter(i -> i.post().id() > afterId && i.post().authorId() != viewer.id()).count();
    }

    /** A group's posts; empty for someone who may not read them (the page says why). */
    public Feed group(GroupPage group, Long viewerId, Long before) {
        if (!group.canRead()) {
            return new Feed(List.of(), null);
        }
        return group(group.group(), viewerId, before);
    }

    /** The posts of a group the viewer may read (checked by the caller, as {@code GroupService.readable} does). */
    public Feed group(Group group, Long viewerId, Long before) {
        return screened(new PostReads.Sources(Set.of(group.id()), Set.of(), Set.of()), before, viewerId,
                WordFilter.Context.GROUPS);
    }

    /** A person's posts that the viewer may read: on their profile, and in groups the viewer can read. */
    public Feed profile(Account author, Long viewerId, Long before) {
        // A profile is read like the home feed: the reader's home filters apply.
        return screened(new PostReads.Sources(Set.of(), Set.of(), Set.of(author.id())), before, viewerId, WordFilter.Context.HOME);
    }

    /**
     * The person behind a profile address, as this viewer (null: a visitor) may see it: active (or waiting) accounts
     * only, and to someone they blocked their profile is absent, exactly like one that does not exist.
     */
    public Account person(String handle, Long viewerId) {
        return accounts.byHandle(handle)
                .filter(a -> a.state() == AccountState.ACTIVE || a.state() == AccountState.WAITING)
                .filter(a -> viewerId == null || !safety.hasBlocked(a.id(), viewerId))
                .orElseThrow(() -> new NotFound("profile"));
    }

    private static Reason reason(PostItem item, long viewerId, Set<Long> myGroups, Set<Long> followees) {
        if (item.post().authorId() == viewerId) {
            return Reason.own();
        }
        if (item.group() != null && myGroups.contains(item.group().id())) {
            return Reason.inGroup(item.group().name(), item.group().slug());
        }
        return Reason.following(item.author().handle());
    }

    /**
     * A page of these sources as the reader's word filters for this context leave it: entries a hiding filter matches
     * are left out (the cursor still moves on), those a warning filter matches carry it. Entries carry no reason.
     */
    private Feed screened(PostReads.Sources sources, Long before, Long viewerId, WordFilter.Context context) {
        FilterScreen screen = new FilterScreen(filters.filtersFor(viewerId, context), viewerId);
        PostReads.Page page = posts.newest(sources, cursor(before), PAGE_SIZE, viewerId, screen.orNone());
        return new Feed(page.items().stream().map(i -> new FeedEntry(i, null, screen.warningFor(i))).toList(), page.next());
    }

    private static long cursor(Long before) {
        return before == null || before <= 0 ? Long.MAX_VALUE : before;
    }
}
