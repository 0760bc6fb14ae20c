package org.tribune.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.TooManyRequests;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * Flagging posts and comments, and hiding what the flags say should be hidden until a moderator looks.
 *
 * <p>Content is hidden at once when a regular (TL3+) flags a newcomer's (TL0) content, or when a leader (TL4) or a
 * moderator of the place flags anything; otherwise once {@code hideFlaggers} distinct members flagged it and their
 * flags weigh {@code hideWeight} together (see {@link ModerationRules}). "Needs context" never hides: it asks for a
 * community note.
 */
@Service
@EnableConfigurationProperties(ModerationRules.class)
public class FlagService {
    public static final TrustLevel FLAGGER_LEVEL = TrustLevel.BASIC;

    private final Flags flags;
    private final ModerationLog log;
    private final PostService posts;
    private final TrustLevels trust;
    private final Moderators moderators;
    private final ModerationRules rules;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;

    FlagService(Flags flags, ModerationLog log, PostService posts, TrustLevels trust, Moderators moderators,
            ModerationRules rules, ApplicationEventPublisher events, Ids ids, Clock clock) {
        this.flags = flags;
        this.log = log;
        this.posts = posts;
        this.trust = trust;
        this.moderators = moderators;
        this.rules = rules;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a flag led to. */
    public enum Outcome { FLAGGED, HIDDEN, CONTEXT_REQUESTED }

    /** The weight of a flagger's flags from their record: Laplace's rule of succession on upheld flags. */
    static double weight(int upheld, int rejected) {
        return (upheld + 1.0) / (upheld + rejected + 2.0);
    }

    @Transactional
    public Outcome flag(Account flagger, TargetKind kind, long targetId, FlagReason reason) {
        if (flagger == null || !flagger.isActive()) {
            throw new Forbidden("flag.level");
        }
        TrustLevel level = trust.of(flagger.id());
        if (!level.atLeast(FLAGGER_LEVEL) && !Moderators.site(flagger)) {
            throw new Forbidden("flag.level");
        }
        Post post;
        long authorId;
        if (kind == TargetKind.POST) {
            post = posts.read(targetId, flagger.id());
            authorId = post.authorId();
        } else if (kind == TargetKind.COMMENT) {
            Comment comment = posts.comment(targetId, flagger.id());
            post = posts.read(comment.postId(), flagger.id());
            authorId = comment.authorId();
            if (!reason.canHide()) {
                throw InvalidInput.of("reason", "flag.context-posts-only");
            }
        } else {
            throw InvalidInput.of("kind", "flag.kind-unknown");
        }
        if (authorId == flagger.id()) {
            throw new Forbidden("flag.not-your-own");
        }
        Instant now = clock.instant();
        if (flags.countSince(flagger.id(), now.minus(Duration.ofDays(1))) >= level.dailyAllowance(rules.flagsPerDay())) {
            throw new TooManyRequests(Duration.ofHours(1));
        }
        boolean hiddenNow = kind == TargetKind.POST ? posts.isHidden(targetId) : posts.hiddenComments(post.id()).contains(targetId);
        boolean recentlyHidden = flags.lastHidden(kind, targetId)
                .map(at -> at.isAfter(now.minus(Duration.ofHours(rules.reflagHours())))).orElse(false);
        if (hiddenNow || recentlyHidden) {
            throw new Conflict("flag.recently-hidden");
        }
        if (flags.hasOpen(flagger.id(), kind, targetId)) {
            throw new Conflict("flag.already");
        }
        flags.insert(new Flag(ids.next(), kind, targetId, post.id(), post.groupId(), authorId, flagger.id(), reason, now,
                reason.canHide() ? null : "CONTEXT"));
        if (!reason.canHide()) {
            events.publishEvent(new ModerationEvents.ContextRequested(post.id(), post.groupId()));
            return Outcome.CONTEXT_REQUESTED;
        }
        if (hidesAtOnce(flagger, level, authorId, post.groupId()) || enoughFlags(kind, targetId)) {
            hide(kind, targetId, post, authorId, now);
            return Outcome.HIDDEN;
        }
        return Outcome.FLAGGED;
    }

    private boolean hidesAtOnce(Account flagger, TrustLevel level, long authorId, Long groupId) {
        return level == TrustLevel.LEADER || moderators.moderates(flagger, groupId)
                || (level.atLeast(TrustLevel.REGULAR) && trust.of(authorId) == TrustLevel.NEW);
    }

    private boolean enoughFlags(TargetKind kind, long targetId) {
        Set<Long> flaggers = flags.open(kind, targetId).stream().map(Flag::flaggerId).collect(Collectors.toSet());
        if (flaggers.size() < rules.hideFlaggers()) {
            return false;
        }
        return flags.weightOf(flaggers) >= rules.hideWeight() - 1e-9;
    }

    private void hide(TargetKind kind, long targetId, Post post, long authorId, Instant now) {
        if (kind == TargetKind.POST) {
            posts.hide(targetId);
        } else {
            posts.hideComment(targetId);
        }
        flags.hidden(kind, targetId, now);
        Map<FlagReason, Long> reasons = new HashMap<>();
        flags.open(kind, targetId).forEach(f -> reasons.merge(f.reason(), 1L, Long::sum));
        String rule = reasons.entrySet().stream().max(Map.Entry.<FlagReason, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> e.getKey().slug()).orElse("spam");
        ModerationAction action = new ModerationAction(ids.next(), ModerationAction.Action.HIDE, kind, targetId, post.id(),
                post.groupId(), authorId, null, Moderators.COMMUNITY, rule, "", null, now, null);
        log.insert(action);
        events.publishEvent(new ModerationEvents.ActionTaken(action.id(), authorId, null, post.id()));
    }

    /** The flags a person filed, for their own eyes (export). */
    public List<Flag> filedBy(long flaggerId) {
        return flags.byFlagger(flaggerId);
    }
}
