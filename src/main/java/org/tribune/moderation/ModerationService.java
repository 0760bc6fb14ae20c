package org.tribune.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Suspensions;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupService;
import org.tribune.platform.ClusterJobs;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * What moderators do: work the queue of flagged content (agree and remove, or disagree and restore), suspend people
 * from the site or ban them from a group for a while, lock discussions; and the appeals of those affected, which go
 * to another moderator. Every action is written to the public log and told to the person it concerns.
 */
@Service
public class ModerationService {
    private static final Logger logger = LoggerFactory.getLogger(ModerationService.class);
    public static final TrustLevel LOCKER_LEVEL = TrustLevel.REGULAR;
    public static final int REASON_MAX = 300;
    public static final int APPEAL_MAX = 2000;

    private final Flags flags;
    private final ModerationLog log;
    private final PostService posts;
    private final TrustLevels trust;
    private final Moderators moderators;
    private final AccountService accounts;
    private final Suspensions suspensions;
    private final GroupService groupService;
    private final GroupMembers groupMembers;
    private final GroupAccess groups;
    private final ClusterJobs jobs;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;
    /** How long a content removal may be appealed; once over, the removal is final and its pictures are deleted. */
    private final Duration appealWindow;

    ModerationService(Flags flags, ModerationLog log, PostService posts, TrustLevels trust, Moderators moderators,
            AccountService accounts, Suspensions suspensions, GroupService groupService, GroupMembers groupMembers, GroupAccess groups,
            ClusterJobs jobs, ApplicationEventPublisher events, Ids ids, Clock clock,
            @Value("${tribune.moderation.appeal-window:P14D}") Duration appealWindow) {
        this.flags = flags;
        this.log = log;
        this.posts = posts;
        this.trust = trust;
        this.moderators = moderators;
        this.accounts = accounts;
        this.suspensions = suspensions;
        this.groupService = groupService;
        this.groupMembers = groupMembers;
        this.groups = groups;
        this.jobs = jobs;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.appealWindow = appealWindow;
    }

    public boolean isModerator(Account account) {
        return Moderators.site(account) || (account != null && groupService.mine(account.id()).stream()
                .anyMatch(g -> groups.canModerate(g.id(), account.id())));
    }

    /** Flagged content this moderator may decide on: everything for site moderators, their groups' for the others. */
    public List<QueueItem> queue(Account moderator) {
        if (!isModerator(moderator)) {
            throw new Forbidden("moderation.moderators-only");
        }
        boolean site = Moderators.site(moderator);
        Set<Long> groupIds = new HashSet<>();
        if (!site) {
            groupService.mine(moderator.id()).stream().filter(g -> groups.canModerate(g.id(), moderator.id()))
                    .forEach(g -> groupIds.add(g.id()));
        }
        Map<String, List<Flag>> byTarget = new LinkedHashMap<>();
        for (Flag flag : flags.openIn(groupIds, site, 1000)) {
            byTarget.computeIfAbsent(flag.targetKind() + ":" + flag.targetId(), k -> new ArrayList<>()).add(flag);
        }
        List<QueueItem> items = new ArrayList<>();
        for (List<Flag> list : byTarget.values()) {
            Flag first = list.getFirst();
            Optional<Post> post = posts.forModeration(first.postId());
            if (post.isEmpty()) {
                continue;
            }
            String commentHtml = null;
            boolean hidden;
            if (first.targetKind() == TargetKind.COMMENT) {
                Optional<Comment> comment = posts.commentForModeration(first.targetId());
                if (comment.isEmpty()) {
                    continue;
                }
                commentHtml = comment.get().bodyHtml();
                hidden = posts.hiddenComments(first.postId()).contains(first.targetId());
            } else {
                hidden = posts.isHidden(first.postId());
            }
            Map<FlagReason, Integer> reasons = new LinkedHashMap<>();
            Set<Long> flaggers = new HashSet<>();
            for (Flag f : list) {
                reasons.merge(f.reason(), 1, Integer::sum);
                flaggers.add(f.flaggerId());
            }
            double weight = flags.weightOf(flaggers);
            items.add(new QueueItem(first.targetKind(), first.targetId(), post.get(), commentHtml, first.authorId(),
                    reasons, flaggers.size(), weight, hidden));
        }
        items.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        return items;
    }

    /**
     * A moderator's decision on flagged content. Agreeing removes it (it stays hidden; the author's standing drops,
     * the flaggers' accuracy rises); disagreeing restores it and lowers the flaggers' accuracy.
     */
    @Transactional
    public ModerationAction decide(Account moderator, TargetKind kind, long targetId, boolean agree, String rule,
            String reason) {
        Target target = target(kind, targetId);
        requireModerates(moderator, target.post().groupId());
        String why = checkedReason(reason);
        String checkedRule = checkedRule(rule, agree);
        List<Long> flaggers = flags.decide(kind, targetId, agree ? "UPHELD" : "REJECTED", clock.instant());
        if (flaggers.isEmpty() && !agree) {
            throw new Conflict("moderation.nothing-to-decide");
        }
        flaggers.forEach(id -> flags.count(id, agree));
        if (agree) {
            hide(kind, targetId);
            trust.flagUpheldAgainst(target.authorId());
        } else {
            restore(kind, targetId);
        }
        return record(agree ? ModerationAction.Action.REMOVE : ModerationAction.Action.RESTORE, kind, targetId,
                target.post(), target.authorId(), moderator, checkedRule, why, null, null);
    }

    /** Removes content directly (a moderator saw it without flags, or after an appeal was upheld elsewhere). */
    @Transactional
    public ModerationAction remove(Account moderator, TargetKind kind, long targetId, String rule, String reason) {
        Target target = target(kind, targetId);
        requireModerates(moderator, target.post().groupId());
        flags.decide(kind, targetId, "UPHELD", clock.instant()).forEach(id -> flags.count(id, true));
        hide(kind, targetId);
        trust.flagUpheldAgainst(target.authorId());
        return record(ModerationAction.Action.REMOVE, kind, targetId, target.post(), target.authorId(), moderator,
                checkedRule(rule, true), checkedReason(reason), null, null);
    }

    /** Site moderators suspend someone from the whole site for some days; it ends by itself. */
    @Transactional
    public ModerationAction suspend(Account moderator, String handle, int days, String rule, String reason) {
        if (!Moderators.site(moderator) || !moderator.isActive()) {
            throw new Forbidden("moderation.site-moderators-only");
        }
        checkDays(days);
        Account subject = accounts.byHandle(handle).orElseThrow(() -> new NotFound("account"));
        if (Moderators.site(subject)) {
            throw new Forbidden("moderation.not-a-moderator");
        }
        String why = checkedReason(reason);
        suspensions.suspend(moderator, subject.id(), why);
        Instant until = clock.instant().plus(Duration.ofDays(days));
        ModerationAction action = record(ModerationAction.Action.SUSPEND, TargetKind.ACCOUNT, subject.id(), null,
                subject.id(), moderator, checkedRule(rule, true), why, until, null);
        log.sanction(action.id(), "SUSPEND", subject.id(), null, moderator.id(), until);
        return action;
    }

    /** Group moderators ban someone from their group for some days; it ends by itself. */
    @Transactional
    public ModerationAction ban(Account moderator, String slug, String handle, int days, String rule, String reason) {
        checkDays(days);
        Group group = groupService.view(slug, moderator).group();
        if (!groups.canModerate(group.id(), moderator.id())) {
            throw new Forbidden("moderation.moderators-only");
        }
        Account subject = accounts.byHandle(handle).orElseThrow(() -> new NotFound("account"));
        String why = checkedReason(reason);
        groupMembers.ban(moderator, slug, subject.handle(), why);
        Instant until = clock.instant().plus(Duration.ofDays(days));
        ModerationAction action = new ModerationAction(ids.next(), ModerationAction.Action.BAN, TargetKind.ACCOUNT,
                subject.id(), null, group.id(), subject.id(), moderator.id(), Moderators.GROUP_MODERATOR,
                checkedRule(rule, true), why, until, clock.instant(), null);
        log.insert(action);
        events.publishEvent(new ModerationEvents.ActionTaken(action.id(), subject.id(), moderator.id(), null));
        log.sanction(action.id(), "BAN", subject.id(), group.id(), moderator.id(), until);
        return action;
    }

    /** Whether this person may lock or unlock the post's discussion: regulars (TL3+) and its moderators. */
    public boolean canLock(Account account, Post post) {
        return account != null && account.isActive()
                && (trust.of(account.id()).atLeast(LOCKER_LEVEL) || moderators.moderates(account, post.groupId()));
    }

    @Transactional
    public ModerationAction lock(Account actor, long postId, boolean locked, String reason) {
        Post post = posts.read(postId, actor.id());
        if (!canLock(actor, post)) {
            throw new Forbidden("moderation.lock-level");
        }
        if (locked ? !posts.lock(postId) : !posts.unlock(postId)) {
            throw new Conflict(locked ? "moderation.already-locked" : "moderation.not-locked");
        }
        String role = moderators.moderates(actor, post.groupId()) ? moderators.role(actor, post.groupId()) : Moderators.TRUSTED_MEMBER;
        ModerationAction action = new ModerationAction(ids.next(), locked ? ModerationAction.Action.LOCK
                : ModerationAction.Action.UNLOCK, TargetKind.POST, postId, postId, post.groupId(), post.authorId(),
                actor.id(), role, "discussion", checkedReason(reason), null, clock.instant(), null);
        log.insert(action);
        if (post.authorId() != actor.id()) {
            events.publishEvent(new ModerationEvents.ActionTaken(action.id(), post.authorId(), actor.id(), postId));
        }
        return action;
    }

    /** The public log, newest first, without what the reader may not know of private groups. */
    public List<LogEntry> log(Long viewerId, long before, int limit) {
        List<LogEntry> entries = new ArrayList<>();
        long cursor = before;
        for (int round = 0; round < 5 && entries.size() < limit; round++) {
            List<ModerationAction> batch = log.newest(cursor, limit);
            if (batch.isEmpty()) {
                break;
            }
            Set<Long> groupIds = new HashSet<>();
            batch.stream().map(ModerationAction::groupId).filter(g -> g != null).forEach(groupIds::add);
            Set<Long> readable = groups.readable(groupIds, viewerId);
            Map<Long, Group> named = groups.groups(groupIds);
            Set<Long> people = new HashSet<>();
            batch.forEach(a -> {
                if (a.moderatorId() != null) {
                    people.add(a.moderatorId());
                }
                if (a.subjectId() != null && a.targetKind() == TargetKind.ACCOUNT) {
                    people.add(a.subjectId());
                }
            });
            Map<Long, Account> handles = accounts.byIds(people);
            for (ModerationAction a : batch) {
                if (entries.size() == limit) {
                    break;
                }
                if (a.groupId() != null && !readable.contains(a.groupId())) {
                    continue;
                }
                Account mod = a.moderatorId() == null ? null : handles.get(a.moderatorId());
                Account subject = a.targetKind() == TargetKind.ACCOUNT && a.subjectId() != null ? handles.get(a.subjectId()) : null;
                Group group = a.groupId() == null ? null : named.get(a.groupId());
                String link = a.postId() == null ? null
                        : "/p/" + a.postId() + (a.targetKind() == TargetKind.COMMENT && a.targetId() != 0 ? "#c" + a.targetId() : "");
                if (Moderators.AUTOMATIC_FILTER.equals(a.role())) {
                    // The reason is the filter's phrase: the group's filters are its moderators' to know (and the author's).
                    a = new ModerationAction(a.id(), a.action(), a.targetKind(), a.targetId(), a.postId(), a.groupId(),
                            a.subjectId(), null, a.role(), a.rule(), "", a.until(), a.createdAt(), a.appealOf());
                }
                entries.add(new LogEntry(a, mod == null ? null : mod.handle(), subject == null ? null : subject.handle(),
                        group == null ? null : group.name(), link));
            }
            cursor = batch.getLast().id();
        }
        return entries;
    }

    /** The actions that concern this person, with whether each may still be appealed. */
    public List<ModerationAction> about(Account me) {
        return log.about(me.id());
    }

    public Optional<Appeal> appealOf(long actionId) {
        return log.appealOf(actionId);
    }

    /** The affected person appeals an action, once. */
    @Transactional
    public Appeal appeal(Account me, long actionId, String body) {
        ModerationAction action = log.byId(actionId).filter(a -> a.subjectId() != null && a.subjectId() == me.id())
                .orElseThrow(() -> new NotFound("action"));
        if (!action.action().appealable()) {
            throw new Conflict("appeal.not-appealable");
        }
        if (!appealOpen(action)) {
            throw new Conflict("appeal.window-over");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw InvalidInput.of("body", "appeal.body-required");
        }
        if (text.length() > APPEAL_MAX) {
            throw InvalidInput.of("body", "appeal.body-too-long", APPEAL_MAX);
        }
        Appeal appeal = new Appeal(ids.next(), actionId, me.id(), text, clock.instant(), null, null, null);
        if (!log.insertAppeal(appeal)) {
            throw new Conflict("appeal.already");
        }
        events.publishEvent(new ModerationEvents.AppealFiled(appeal.id(), reviewers(action, me.id())));
        return appeal;
    }

    /**
     * Who is told of an appeal: the group's moderators for group decisions, the site's for suspensions and content
     * outside groups, and the site's too when the group has no other moderator; never the one who acted, nor the
     * appellant.
     */
    private Set<Long> reviewers(ModerationAction action, long appellantId) {
        Set<Long> reviewers = new HashSet<>();
        if (action.groupId() != null && action.action() != ModerationAction.Action.SUSPEND) {
            reviewers.addAll(groups.moderatorIds(action.groupId()));
        }
        if (action.moderatorId() != null) {
            reviewers.remove(action.moderatorId());
        }
        reviewers.remove(appellantId);
        if (reviewers.isEmpty()) {
            reviewers.addAll(accounts.siteModeratorIds());
            if (action.moderatorId() != null) {
                reviewers.remove(action.moderatorId());
            }
            reviewers.remove(appellantId);
        }
        return Set.copyOf(reviewers);
    }

    /** The person's actions with their appeal, if any, and the group a ban was in: what they see of decisions. */
    public record AboutMe(ModerationAction action, Optional<Appeal> appeal, String groupName, boolean open) {
        public boolean mayAppeal() {
            return action.action().appealable() && appeal.isEmpty() && open;
        }
    }

    /** The decisions that concern this person, newest first, each with its appeal and group. */
    public List<AboutMe> aboutMe(Account me) {
        List<ModerationAction> actions = log.about(me.id());
        Set<Long> groupIds = new HashSet<>();
        actions.stream().map(ModerationAction::groupId).filter(g -> g != null).forEach(groupIds::add);
        Map<Long, Group> named = groupIds.isEmpty() ? Map.of() : groups.groups(groupIds);
        return actions.stream().map(a -> new AboutMe(a, log.appealOf(a.id()),
                a.groupId() == null || !named.containsKey(a.groupId()) ? null : named.get(a.groupId()).name(),
                appealOpen(a))).toList();
    }

    /** An appeal and the action it is about. */
    public record AppealCase(Appeal appeal, ModerationAction action, String appellantHandle, String moderatorHandle) {
    }

    /** Open appeals this moderator may decide: in their scope, and never about their own action. */
    public List<AppealCase> appeals(Account moderator) {
        if (!isModerator(moderator)) {
            throw new Forbidden("moderation.moderators-only");
        }
        List<AppealCase> cases = new ArrayList<>();
        for (Appeal appeal : log.openAppeals(200)) {
            ModerationAction action = log.byId(appeal.actionId()).orElse(null);
            if (action == null || !mayReview(moderator, action)) {
                continue;
            }
            Map<Long, Account> people = accounts.byIds(action.moderatorId() == null ? List.of(appeal.appellantId())
                    : List.of(appeal.appellantId(), action.moderatorId()));
            Account appellant = people.get(appeal.appellantId());
            Account acted = action.moderatorId() == null ? null : people.get(action.moderatorId());
            cases.add(new AppealCase(appeal, action, appellant == null ? "" : appellant.handle(),
                    acted == null ? null : acted.handle()));
        }
        return cases;
    }

    private boolean mayReview(Account moderator, ModerationAction action) {
        boolean own = action.moderatorId() != null && action.moderatorId() == moderator.id();
        boolean scope = action.action() == ModerationAction.Action.SUSPEND ? Moderators.site(moderator)
                : moderators.moderates(moderator, action.groupId());
        return !own && scope && (action.subjectId() == null || action.subjectId() != moderator.id());
    }

    /** Another moderator upholds the action or reverses it (restoring the content, lifting the sanction...). */
    @Transactional
    public ModerationAction decideAppeal(Account moderator, long appealId, boolean reverse, String reason) {
        Appeal appeal = log.appeal(appealId).orElseThrow(() -> new NotFound("appeal"));
        ModerationAction action = log.byId(appeal.actionId()).orElseThrow(() -> new NotFound("action"));
        if (action.moderatorId() != null && action.moderatorId() == moderator.id()) {
            throw new Forbidden("appeal.other-moderator");
        }
        if (!mayReview(moderator, action)) {
            throw new Forbidden("moderation.moderators-only");
        }
        if (!log.decideAppeal(appealId, moderator.id(), reverse ? "REVERSED" : "UPHELD", clock.instant())) {
            throw new Conflict("appeal.decided");
        }
        if (reverse) {
            undo(moderator, action);
        } else if (removesContent(action)) {
            makeFinal(action, clock.instant());
        }
        ModerationAction decision = new ModerationAction(ids.next(), reverse ? ModerationAction.Action.APPEAL_REVERSED
                : ModerationAction.Action.APPEAL_UPHELD, action.targetKind(), action.targetId(), action.postId(),
                action.groupId(), action.subjectId(), moderator.id(), moderators.role(moderator, action.groupId()),
                action.rule(), checkedReason(reason), null, clock.instant(), action.id());
        log.insert(decision);
        events.publishEvent(new ModerationEvents.AppealDecided(appealId, appeal.appellantId(), moderator.id()));
        return decision;
    }

    private void undo(Account moderator, ModerationAction action) {
        switch (action.action()) {
            case HIDE, REMOVE -> restore(action.targetKind(), action.targetId());
            case LOCK -> posts.unlock(action.targetId());
            case SUSPEND, BAN -> lift(action.id(), moderator);
            default -> { }
        }
    }

    /**
     * A content removal can be appealed for {@code tribune.moderation.appeal-window}; after that (or once it is
     * final) it cannot, since its pictures are gone. Other decisions keep no window.
     */
    private boolean appealOpen(ModerationAction action) {
        return !removesContent(action) || (action.createdAt().plus(appealWindow).isAfter(clock.instant())
                && !log.isFinal(action.id()));
    }

    private static boolean removesContent(ModerationAction action) {
        return action.action() == ModerationAction.Action.REMOVE
                && (action.targetKind() == TargetKind.POST || action.targetKind() == TargetKind.COMMENT);
    }

    /** Makes final the content removals whose appeal window closed without an appeal, every ten minutes on one node. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 240_000)
    void finishRemovalsNow() {
        if (jobs.claimWindow("moderation-final-removals", Duration.ofMinutes(10))) {
            finishRemovals(clock.instant());
        }
    }

    /** The removals made before {@code now} minus the appeal window, never appealed, become final. */
    int finishRemovals(Instant now) {
        List<ModerationAction> due = log.removalsDue(now.minus(appealWindow), 200);
        for (ModerationAction action : due) {
            try {
                makeFinal(action, now);
            } catch (RuntimeException e) {
                logger.warn("could not make removal {} final", action.id(), e);
            }
        }
        return due.size();
    }

    /**
     * A removal is final: the post or comment stays hidden for good and its pictures' files are deleted (the post
     * feature asks the media feature, which it owns the pictures through). The pictures go first, so a crash in
     * between leaves the removal to be made final again, never pictures forgotten in the storage.
     */
    private void makeFinal(ModerationAction action, Instant now) {
        if (action.targetKind() == TargetKind.POST) {
            posts.removedForGood(action.targetId());
        } else {
            posts.commentRemovedForGood(action.targetId());
        }
        log.markFinal(action.id(), now);
    }

    /** Ends suspensions and bans whose time is up, once an hour on one node. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 180_000)
    void liftDueSanctions() {
        if (!jobs.claimWindow("moderation-sanctions", Duration.ofHours(1))) {
            return;
        }
        for (ModerationLog.Sanction due : log.dueSanctions(clock.instant())) {
            try {
                accounts.byId(due.moderatorId()).ifPresent(mod -> lift(due.actionId(), mod));
            } catch (RuntimeException e) {
                logger.warn("could not lift sanction {}", due.actionId(), e);
            }
        }
    }

    /** Lifts a timed sanction now; true if there was one to lift. */
    @Transactional
    public boolean lift(long actionId, Account by) {
        Optional<ModerationLog.Sanction> found = log.sanctionOf(actionId);
        if (found.isEmpty() || !log.lift(actionId)) {
            return false;
        }
        ModerationLog.Sanction sanction = found.get();
        Account subject = accounts.byId(sanction.subjectId()).orElse(null);
        if (subject == null) {
            return true;
        }
        try {
            if (sanction.kind().equals("SUSPEND")) {
                suspensions.lift(by, subject.id());
            } else if (sanction.groupId() != null) {
                Group group = groups.group(sanction.groupId()).orElse(null);
                if (group != null) {
                    groupMembers.unban(by, group.slug(), subject.handle());
                }
            }
        } catch (Conflict | NotFound | Forbidden alreadyDone) {
            // lifted by hand in the meantime, or the moderator no longer moderates: nothing left to do here
            logger.info("sanction {} was already lifted: {}", actionId, alreadyDone.getMessage());
        }
        return true;
    }

    private record Target(Post post, long authorId) {
    }

    private Target target(TargetKind kind, long targetId) {
        if (kind == TargetKind.POST) {
            Post post = posts.forModeration(targetId).orElseThrow(() -> new NotFound("post"));
            return new Target(post, post.authorId());
        }
        if (kind == TargetKind.COMMENT) {
            Comment comment = posts.commentForModeration(targetId).orElseThrow(() -> new NotFound("comment"));
            Post post = posts.forModeration(comment.postId()).orElseThrow(() -> new NotFound("post"));
            return new Target(post, comment.authorId());
        }
        throw InvalidInput.of("kind", "flag.kind-unknown");
    }

    private void hide(TargetKind kind, long targetId) {
        if (kind == TargetKind.POST) {
            posts.hide(targetId);
        } else {
            posts.hideComment(targetId);
        }
        flags.hidden(kind, targetId, clock.instant());
    }

    private void restore(TargetKind kind, long targetId) {
        if (kind == TargetKind.POST) {
            posts.restore(targetId);
        } else if (kind == TargetKind.COMMENT) {
            posts.restoreComment(targetId);
        }
    }

    private void requireModerates(Account moderator, Long groupId) {
        if (!moderators.moderates(moderator, groupId)) {
            throw new Forbidden("moderation.moderators-only");
        }
    }

    private ModerationAction record(ModerationAction.Action what, TargetKind kind, long targetId, Post post,
            long subjectId, Account moderator, String rule, String reason, Instant until, Long appealOf) {
        Long groupId = post == null ? null : post.groupId();
        ModerationAction action = new ModerationAction(ids.next(), what, kind, targetId, post == null ? null : post.id(),
                groupId, subjectId, moderator.id(), what == ModerationAction.Action.SUSPEND ? Moderators.SITE_MODERATOR
                        : moderators.role(moderator, groupId), rule, reason, until, clock.instant(), appealOf);
        log.insert(action);
        events.publishEvent(new ModerationEvents.ActionTaken(action.id(), subjectId, moderator.id(),
                post == null ? null : post.id()));
        return action;
    }

    /** Rules a decision may cite: the flag reasons and the code of conduct's rules. */
    static final Set<String> RULES = Set.of("spam", "harassment", "illegal", "off-topic", "conduct-1", "conduct-2",
            "conduct-3", "conduct-4", "conduct-5", "none");

    private static String checkedRule(String rule, boolean needed) {
        String r = rule == null || rule.isBlank() ? (needed ? "" : "none") : rule.strip();
        if (!RULES.contains(r)) {
            throw InvalidInput.of("rule", "moderation.rule-unknown");
        }
        return r;
    }

    private static String checkedReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.length() > REASON_MAX) {
            throw InvalidInput.of("reason", "moderation.reason-too-long", REASON_MAX);
        }
        return r;
    }

    private static void checkDays(int days) {
        if (days < 1 || days > 3650) {
            throw InvalidInput.of("days", "moderation.days-invalid");
        }
    }
}
