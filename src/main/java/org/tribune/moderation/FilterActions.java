package org.tribune.moderation;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tribune.platform.Ids;
import org.tribune.post.PostEvents;

/**
 * What a group's filter did, written to the public moderation log like a moderator's action, with the filter as
 * actor ({@code automatic-filter}) and the phrase as the reason (shown to the author, left out of the public log).
 * Held content also goes to the group's queue, as an open flag of reason {@code FILTERED} by no one, for the
 * group's moderators to release (disagree) or remove (agree). Runs in the transaction that publishes the event: for
 * a refusal that is a transaction of its own, so the entry stays although nothing was saved.
 */
@Component
class FilterActions {
    /** The "flagger" of a held item: no account has this id. */
    static final long FILTER = 0L;
    static final String RULE = "group-filter";

    private final Flags flags;
    private final ModerationLog log;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;

    FilterActions(Flags flags, ModerationLog log, ApplicationEventPublisher events, Ids ids, Clock clock) {
        this.flags = flags;
        this.log = log;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @EventListener
    void held(PostEvents.HeldByGroupFilter e) {
        TargetKind kind = e.commentId() == null ? TargetKind.POST : TargetKind.COMMENT;
        long target = e.commentId() == null ? e.postId() : e.commentId();
        var now = clock.instant();
        flags.insert(new Flag(ids.next(), kind, target, e.postId(), e.groupId(), e.authorId(), FILTER, FlagReason.FILTERED,
                now, null));
        ModerationAction action = new ModerationAction(ids.next(), ModerationAction.Action.HOLD, kind, target, e.postId(),
                e.groupId(), e.authorId(), null, Moderators.AUTOMATIC_FILTER, RULE, e.phrase(), null, now, null);
        log.insert(action);
        events.publishEvent(new ModerationEvents.ActionTaken(action.id(), e.authorId(), null, e.postId()));
    }

    @EventListener
    void refused(PostEvents.RefusedByGroupFilter e) {
        // Nothing was saved: the entry points at the post commented on or edited, else at nothing (target 0).
        TargetKind kind = e.comment() ? TargetKind.COMMENT : TargetKind.POST;
        long target = !e.comment() && e.postId() != null ? e.postId() : 0L;
        log.insert(new ModerationAction(ids.next(), ModerationAction.Action.REFUSE, kind, target, e.postId(), e.groupId(),
                e.authorId(), null, Moderators.AUTOMATIC_FILTER, RULE, e.phrase(), null, clock.instant(), null));
    }
}
