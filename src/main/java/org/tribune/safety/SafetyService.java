package org.tribune.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.MentionPolicy;
import org.tribune.follow.FollowService;
import org.tribune.platform.Conflict;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;

/**
 * Blocks, mutes and who may reach whom: the use cases, and the questions other features ask.
 *
 * <p>A mute hides a person's posts, comments, shares and notifications from the muter, and nothing else. A block
 * does the same in both directions and also separates the two people: follows end, and neither may follow, mention,
 * reply to, invite or see the other's profile. To the blocked person every one of these looks like absence (the same
 * "not found" a missing thing gives). Blocks are never counted anywhere: counts do not change when one is made (see
 * {@link BlockedFollows}). Moderators doing their work are not affected (the post feature lets them read what they
 * moderate), and moderation notices are never hidden from the person they concern.
 */
@Service
public class SafetyService {
    /** How many blocks or mutes a list shows at most (far above what a person keeps). */
    public static final int LIST_MAX = 1000;

    private final Blocks blocks;
    private final Mutes mutes;
    private final ReachSettings reach;
    private final AccountService accounts;
    private final FollowService follows;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimiter.Limit limit;

    SafetyService(Blocks blocks, Mutes mutes, ReachSettings reach, AccountService accounts, FollowService follows,
            RateLimiter limiter, ApplicationEventPublisher events, Clock clock,
            @Value("${tribune.limits.blocks-per-hour:200}") int perHour) {
        this.blocks = blocks;
        this.mutes = mutes;
        this.reach = reach;
        this.accounts = accounts;
        this.follows = follows;
        this.limiter = limiter;
        this.events = events;
        this.clock = clock;
        this.limit = new RateLimiter.Limit("safety", perHour, Duration.ofHours(1));
    }

    // ---- what others ask, cheaply -------------------------------------------------------------------------------

    /**
     * Everyone whose posts, comments, shares and notifications the viewer must not get: people they blocked, people
     * who blocked them, and people they muted (mutes past their {@code until} do not count). One query; empty for a
     * visitor. Ask once per request and keep the answer for that request.
     */
    public Set<Long> hiddenAuthors(Long viewerId) {
        if (viewerId == null) {
            return Set.of();
        }
        Instant now = clock.instant();
        return blocks.shieldOf(viewerId, now).hiddenAt(now);
    }

    /** People the viewer blocked or was blocked by: what must look absent to them, and they to it. Empty for visitors. */
    public Set<Long> blockedEitherWay(Long viewerId) {
        return viewerId == null ? Set.of() : blocks.shieldOf(viewerId, clock.instant()).blockedEitherWay();
    }

    /** Whether either of the two blocked the other. */
    public boolean blockedEitherWay(long a, long b) {
        return a != b && blocks.eitherWay(a, b);
    }

    /** Whether {@code blockerId} blocked {@code blockedId} (one direction). */
    public boolean hasBlocked(long blockerId, long blockedId) {
        return blockerId != blockedId && blocks.exists(blockerId, blockedId);
    }

    /** Whether the viewer muted the person and the mute still holds. */
    public boolean hasMuted(long viewerId, long personId) {
        return mutes.active(viewerId, personId, clock.instant());
    }

    /**
     * Whether a mention of {@code targetId} by {@code actorId} (null: someone unknown) is linked and notified: never
     * across a block, and otherwise as the target's mention setting says (everyone, people they follow, nobody).
     */
    public boolean mayMention(Long actorId, long targetId) {
        if (actorId != null && actorId == targetId) {
            return true;
        }
        if (actorId != null && blocks.eitherWay(actorId, targetId)) {
            return false;
        }
        MentionPolicy policy = accounts.privacy(targetId).mentions();
        return switch (policy) {
            case EVERYONE -> true;
            case FOLLOWED -> actorId != null && follows.isFollowing(targetId, actorId);
            case NOBODY -> false;
        };
    }

    /** Whether {@code actorId} may comment under a post on {@code ownerId}'s profile. */
    public boolean mayReplyOnProfile(long actorId, long ownerId) {
        return actorId == ownerId || (!blocks.eitherWay(actorId, ownerId) && admits(reach(ownerId).profileReplies(), ownerId, actorId));
    }

    /** Whether {@code actorId} may invite {@code targetId} to a group. */
    public boolean mayInvite(long actorId, long targetId) {
        return actorId == targetId || (!blocks.eitherWay(actorId, targetId) && admits(reach(targetId).groupInvitations(), targetId, actorId));
    }

    private boolean admits(Reach.Audience audience, long ownerId, long actorId) {
        return switch (audience) {
            case EVERYONE -> true;
            case FOLLOWING -> follows.isFollowing(ownerId, actorId);
            case NOBODY -> false;
        };
    }

    /** The person's reach settings (the defaults when they never changed them). */
    public Reach reach(long accountId) {
        return reach.of(accountId).orElse(Reach.DEFAULTS);
    }

    /** Whether content warnings are always open for this reader (false for visitors). */
    public boolean opensWarnings(Long viewerId) {
        return viewerId != null && reach(viewerId).openWarnings();
    }

    // ---- the person's own use cases ----------------------------------------------------------------------------

    /** Blocks someone: follows between them end; blocking again changes nothing. */
    @Transactional
    public void block(Account me, String handle) {
        Account other = other(me, handle);
        if (blocks.exists(me.id(), other.id())) {
            return;
        }
        limiter.consume(limit, Long.toString(me.id()));
        FollowService.Ended ended = follows.endBetween(me.id(), other.id());
        blocks.add(me.id(), other.id(), clock.instant(), ended.firstFollowedSecond(), ended.secondFollowedFirst());
        events.publishEvent(new SafetyEvents.Blocked(me.id(), other.id()));
    }

    /** Lifts a block (follows it ended stay ended); true if there was one. */
    @Transactional
    public boolean unblock(Account me, String handle) {
        Account other = other(me, handle);
        boolean removed = blocks.remove(me.id(), other.id());
        if (removed) {
            events.publishEvent(new SafetyEvents.Unblocked(me.id(), other.id()));
        }
        return removed;
    }

    /** Mutes someone until {@code until} (null: until lifted); muting again changes how long. */
    @Transactional
    public void mute(Account me, String handle, Instant until) {
        Account other = other(me, handle);
        if (until != null && !until.isAfter(clock.instant())) {
            throw InvalidInput.of("until", "safety.until-past");
        }
        if (until != null && until.isAfter(WordFilters.LATEST_END)) {
            throw InvalidInput.of("until", "safety.until-too-far");
        }
        limiter.consume(limit, Long.toString(me.id()));
        mutes.put(me.id(), other.id(), clock.instant(), until);
    }

    @Transactional
    public boolean unmute(Account me, String handle) {
        return mutes.remove(me.id(), other(me, handle).id());
    }

    /** The people this person blocked, newest first. */
    public List<Block> blocks(long accountId) {
        List<Blocks.Row> rows = blocks.blockedBy(accountId, LIST_MAX);
        Map<Long, Account> people = accounts.byIds(rows.stream().map(Blocks.Row::blockedId).toList());
        return rows.stream().filter(r -> people.containsKey(r.blockedId()))
                .map(r -> new Block(r.blockedId(), people.get(r.blockedId()).handle(), people.get(r.blockedId()).displayName(), r.since()))
                .toList();
    }

    /** The people this person muted whose mute still holds, newest first. */
    public List<Mute> mutes(long accountId) {
        List<Mutes.Row> rows = mutes.activeOf(accountId, clock.instant(), LIST_MAX);
        Map<Long, Account> people = accounts.byIds(rows.stream().map(Mutes.Row::mutedId).toList());
        return rows.stream().filter(r -> people.containsKey(r.mutedId()))
                .map(r -> new Mute(r.mutedId(), people.get(r.mutedId()).handle(), people.get(r.mutedId()).displayName(), r.since(), r.until()))
                .toList();
    }

    /** Changes who may reach the person; {@code mentions} is kept in their account's privacy settings. */
    @Transactional
    public void setReach(long accountId, Reach changed, MentionPolicy mentions) {
        if (changed.requestsYoungerDays() < 0 || changed.requestsYoungerDays() > Reach.MAX_DAYS) {
            throw InvalidInput.of("requestsYoungerDays", "safety.days-invalid", Reach.MAX_DAYS);
        }
        reach.save(accountId, changed);
        if (mentions != null) {
            var privacy = accounts.privacy(accountId);
            accounts.updatePrivacy(accountId, new org.tribune.account.PrivacySettings(privacy.profile(), privacy.groups(),
                    privacy.follows(), mentions, privacy.indexable()));
        }
    }

    /** Someone else who exists (blocking or muting a suspended person is allowed; a deleted one is gone). */
    private Account other(Account me, String handle) {
        Account other = accounts.byHandle(handle == null ? "" : handle.strip())
                .filter(a -> a.state() != AccountState.DELETED && a.state() != AccountState.CLOSING)
                .orElseThrow(() -> new NotFound("account"));
        if (other.id() == me.id()) {
            throw new Conflict("safety.not-yourself");
        }
        return other;
    }
}
