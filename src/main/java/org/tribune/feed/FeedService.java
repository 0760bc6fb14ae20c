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
        PostReads.Page page = posts.newest(new PostReads.Sources(myGroups, Set.of(), authors), cursor(before), PAGE_SIZE, viewer.id());
        FilterMatcher matcher = filters.filtersFor(viewer.id(), WordFilter.Context.HOME);
        Feed feed = filtered(new Feed(page.items().stream().map(i -> new FeedEntry(i, reason(i, viewer.id(), myGroups, followees))).toList(),
                page.next()), matcher);
        return before == null ? withSuggestionsIfQuiet(feed, viewer, matcher) : feed;
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
    private Feed withSuggestionsIfQuiet(Feed feed, Account viewer, FilterMatcher matcher) {
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
                        viewer.id()).items().stream()
                .filter(i -> i.group() != null && i.group().isPublic() && !i.hidden() && i.post().authorId() != viewer.id())
                .filter(i -> !shown.contains(i.post().id()))
                .map(i -> new FeedEntry(i, Reason.suggested(i.group().name(), i.group().slug()))).toList();
        List<FeedEntry> merged = new java.util.ArrayList<>(feed.entries());
        merged.addAll(filtered(new Feed(suggestions, null), matcher).entries());
        merged.sort(java.util.Comparator.comparingLong((FeedEntry e) -> e.item().post().id()).reversed());
        return new Feed(merged, feed.next(), true);
    }

    /** How many posts arrived in the home feed after {@code afterId}, for "N new posts". */
    public int newSince(Account viewer, long afterId) {
        Set<Long> authors = new HashSet<>(following.followeeIds(viewer.id()));
        authors.add(viewer.id());
        List<PostItem> newer = posts.newest(new PostReads.Sources(groups.memberGroupIds(viewer.id()), Set.of(), authors),
                Long.MAX_VALUE, 100, viewer.id()).items();
        return (int) newer.stream().filter(i -> i.post().id() > afterId && i.post().authorId() != viewer.id()).count();
    }

    /** A group's posts; empty for someone who may not read them (the page says why). */
    public Feed group(GroupPage group, Long viewerId, Long before) {
        if (!group.canRead()) {
            return new Feed(List.of(), null);
        }
        return filtered(unexplained(posts.newest(new PostReads.Sources(Set.of(group.group().id()), Set.of(), Set.of()),
                cursor(before), PAGE_SIZE, viewerId)), filters.filtersFor(viewerId, WordFilter.Context.GROUPS));
    }

    /** A person's posts that the viewer may read: on their profile, and in groups the viewer can read. */
    public Feed profile(Account author, Long viewerId, Long before) {
        // A profile is read like the home feed: the reader's home filters apply.
        return filtered(unexplained(posts.newest(new PostReads.Sources(Set.of(), Set.of(), Set.of(author.id())), cursor(before),
                PAGE_SIZE, viewerId)), filters.filtersFor(viewerId, WordFilter.Context.HOME));
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
     * The feed as the reader's word filters leave it: entries a hiding filter matches are left out (the cursor still
     * moves on), those a warning filter matches carry it. Their own posts are never filtered.
     */
    private static Feed filtered(Feed feed, FilterMatcher matcher) {
        if (matcher.isEmpty()) {
            return feed;
        }
        List<FeedEntry> kept = new java.util.ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            FilterMatcher.Match match = matcher.match(texts(entry.item()));
            if (match == null || (entry.reason() != null && entry.reason().kind() == Reason.Kind.OWN)) {
                kept.add(entry);
            } else if (!match.hides()) {
                kept.add(new FeedEntry(entry.item(), entry.reason(), match));
            }
        }
        return new Feed(kept, feed.next(), feed.quiet());
    }

    /** What filters are matched against: titles, bodies, link previews, link summaries and content warnings. */
    private static String[] texts(PostItem item) {
        List<String> texts = new java.util.ArrayList<>();
        for (PostItem i = item; i != null; i = i.shared()) {
            var p = i.post();
            texts.add(p.title());
            texts.add(p.body());
            texts.add(p.contentWarning());
            texts.add(p.linkSummary());
            if (i.preview() != null) {
                texts.add(i.preview().title());
                texts.add(i.preview().description());
            }
        }
        return texts.toArray(String[]::new);
    }

    private static long cursor(Long before) {
        return before == null || before <= 0 ? Long.MAX_VALUE : before;
    }

    private static Feed unexplained(PostReads.Page page) {
        return new Feed(page.items().stream().map(i -> new FeedEntry(i, null)).toList(), page.next());
    }
}
