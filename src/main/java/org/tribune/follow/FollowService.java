package org.tribune.follow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.PrivacySettings;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;

/**
 * The follow use cases. Active members follow anyone who has a public profile (an active or waiting account);
 * the lists and counts are public, like the profiles they belong to. Accounts that are suspended or deleted do not
 * appear in lists and cannot be followed.
 */
@Service
public class FollowService {
    public static final int PAGE_SIZE = 50;

    private final Follows follows;
    private final AccountService accounts;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimiter.Limit followLimit;
    private final List<FollowBarrier> barriers;

    FollowService(Follows follows, AccountService accounts, RateLimiter limiter, ApplicationEventPublisher events,
            Clock clock, @Value("${tribune.limits.follows-per-hour:200}") int followsPerHour, List<FollowBarrier> barriers) {
        this.follows = follows;
        this.barriers = List.copyOf(barriers);
        this.accounts = accounts;
        this.limiter = limiter;
        this.events = events;
        this.clock = clock;
        this.followLimit = new RateLimiter.Limit("follow", followsPerHour, Duration.ofHours(1));
    }

    /** Follows the person with this handle; true if that made a new follow, false if it already existed. */
    @Transactional
    public boolean follow(Account follower, String handle) {
        if (follower == null || follower.state() != AccountState.ACTIVE) {
            throw new Forbidden("follow.active-members-only");
        }
        Account followee = withProfile(handle, follower.id());
        if (followee.id() == follower.id()) {
            throw new Conflict("follow.not-yourself");
        }
        if (barriers.stream().anyMatch(b -> b.separates(follower.id(), followee.id()))) {
            throw new Conflict("safety.unblock-first"); // only the blocker gets here: to the blocked, the profile is absent
        }
        if (follows.exists(follower.id(), followee.id())) {
            return false; // following again costs nothing against the limit
        }
        limiter.consume(followLimit, Long.toString(follower.id()));
        boolean made = follows.add(follower.id(), followee.id(), clock.instant());
        if (made) {
            events.publishEvent(new FollowEvents.Followed(follower.id(), followee.id()));
        }
        return made;
    }

    /**
     * Stops following; true if there was a follow to end. Always possible, whatever the state of either account, so
     * nobody stays attached to someone who was suspended meanwhile.
     */
    @Transactional
    public boolean unfollow(Account follower, String handle) {
        Objects.requireNonNull(follower, "follower");
        Account followee = accounts.byHandle(handle).filter(a -> a.state() != AccountState.DELETED)
                .orElseThrow(() -> new NotFound("account"));
        boolean removed = follows.remove(follower.id(), followee.id());
        if (removed) {
            events.publishEvent(new FollowEvents.Unfollowed(follower.id(), followee.id()));
        }
        return removed;
    }

    /** Which follows ended between two people: each direction, true where there was one. */
    public record Ended(boolean firstFollowedSecond, boolean secondFollowedFirst) {
    }

    /** Ends the follows between two people in both directions (a block does this), and says which there were. */
    @Transactional
    public Ended endBetween(long first, long second) {
        boolean out = follows.remove(first, second);
        boolean in = follows.remove(second, first);
        if (out) {
            events.publishEvent(new FollowEvents.Unfollowed(first, second));
        }
        if (in) {
            events.publishEvent(new FollowEvents.Unfollowed(second, first));
        }
        return new Ended(out, in);
    }

    public boolean isFollowing(long followerId, long followeeId) {
        return follows.exists(followerId, followeeId);
    }

    /** Everyone this account follows, whatever their state: the feed decides what of theirs to show. */
    public Set<Long> followeeIds(long followerId) {
        return follows.allFolloweesOf(followerId);
    }

    /**
     * Counts of stored follows, including those of accounts suspended since, which the lists leave out, and those a
     * block ended (see {@link FollowBarrier#stillCounted}).
     */
    public FollowCounts counts(long accountId) {
        FollowCounts counts = follows.counts(accountId);
        for (FollowBarrier barrier : barriers) {
            FollowCounts kept = barrier.stillCounted(accountId);
            counts = new FollowCounts(counts.followers() + kept.followers(), counts.following() + kept.following());
        }
        return counts;
    }

    /** The public profile of the person with this handle, as the viewer (null for a visitor) sees it. */
    public Profile profile(String handle, Long viewerId) {
        Account account = withProfile(handle, viewerId);
        boolean followed = viewerId != null && viewerId != account.id() && follows.exists(viewerId, account.id());
        PrivacySettings privacy = accounts.privacy(account.id());
        boolean member = viewerId != null;
        return new Profile(account.id(), account.handle(), account.displayName(),
                privacy.profile().admits(viewerId, member, account.id()) ? account.bio() : null,
                privacy.follows().admits(viewerId, member, account.id()) ? counts(account.id()) : null, followed);
    }

    /** People who follow the person, as a visitor may see them. */
    public People followers(String handle, String cursor) {
        return followers(handle, cursor, null);
    }

    /** People the person follows, as a visitor may see them. */
    public People following(String handle, String cursor) {
        return following(handle, cursor, null);
    }

    /** People who follow the person with this handle, most recently registered first; {@code cursor} from {@link People#next()}. */
    public People followers(String handle, String cursor, Long viewerId) {
        Account account = withVisibleFollows(handle, viewerId);
        return page(follows.followersOf(account.id(), before(cursor), PAGE_SIZE + 1));
    }

    /** People the person with this handle follows, most recently registered first; {@code cursor} from {@link People#next()}. */
    public People following(String handle, String cursor, Long viewerId) {
        Account account = withVisibleFollows(handle, viewerId);
        return page(follows.followeesOf(account.id(), before(cursor), PAGE_SIZE + 1));
    }

    /** The person, if they let the viewer (null for a visitor) see whom they follow and who follows them. */
    private Account withVisibleFollows(String handle, Long viewerId) {
        Account account = withProfile(handle, viewerId);
        if (!accounts.privacy(account.id()).follows().admits(viewerId, viewerId != null, account.id())) {
            throw new Forbidden("privacy.follows-hidden");
        }
        return account;
    }

    /** An account anyone may see and follow: active, or waiting to be admitted. Others do not exist here. */
    private Account withProfile(String handle, Long viewerId) {
        return accounts.byHandle(handle).filter(FollowService::hasProfile)
                .filter(a -> barriers.stream().noneMatch(b -> b.hidesProfile(a.id(), viewerId)))
                .orElseThrow(() -> new NotFound("account"));
    }

    private static boolean hasProfile(Account account) {
        return account.state() == AccountState.ACTIVE || account.state() == AccountState.WAITING;
    }

    /** One more row than a page is read, so the last page says so instead of leading to an empty one. */
    private People page(List<Long> ids) {
        boolean more = ids.size() > PAGE_SIZE;
        List<Long> shown = more ? ids.subList(0, PAGE_SIZE) : ids;
        Map<Long, Account> found = accounts.byIds(shown);
        List<Person> people = shown.stream().map(found::get).filter(a -> a != null && hasProfile(a))
                .map(a -> new Person(a.id(), a.handle(), a.displayName())).toList();
        return new People(people, more ? Long.toString(shown.getLast()) : null);
    }

    private static long before(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(cursor.strip());
        } catch (NumberFormatException malformed) {
            throw InvalidInput.of("before", "list.cursor-invalid");
        }
    }
}
