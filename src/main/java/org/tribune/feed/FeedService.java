package org.tribune.feed;

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

    FeedService(PostReads posts, GroupAccess groups, AccountService accounts, FollowService following) {
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
        return new Feed(page.items().stream().map(i -> new FeedEntry(i, reason(i, viewer.id(), myGroups, followees))).toList(),
                page.next());
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
        return unexplained(posts.newest(new PostReads.Sources(Set.of(group.group().id()), Set.of(), Set.of()),
                cursor(before), PAGE_SIZE, viewerId));
    }

    /** A person's posts that the viewer may read: on their profile, and in groups the viewer can read. */
    public Feed profile(Account author, Long viewerId, Long before) {
        return unexplained(posts.newest(new PostReads.Sources(Set.of(), Set.of(), Set.of(author.id())), cursor(before),
                PAGE_SIZE, viewerId));
    }

    /** The person behind a profile address: active (or waiting) accounts only. */
    public Account person(String handle) {
        return accounts.byHandle(handle)
                .filter(a -> a.state() == AccountState.ACTIVE || a.state() == AccountState.WAITING)
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

    private static long cursor(Long before) {
        return before == null || before <= 0 ? Long.MAX_VALUE : before;
    }

    private static Feed unexplained(PostReads.Page page) {
        return new Feed(page.items().stream().map(i -> new FeedEntry(i, null)).toList(), page.next());
    }
}
