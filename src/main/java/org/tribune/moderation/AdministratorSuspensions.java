package org.tribune.moderation;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.SuspendedByAdministrator;
import org.tribune.account.SuspensionLiftedByAdministrator;
import org.tribune.platform.Ids;

/**
 * Suspensions decided and lifted on the administrators' page are moderation actions like the moderators' ones:
 * written to the public log (role {@code administrator}, with the administrator's handle), told to the person, who
 * may appeal a suspension once, before a site moderator other than the administrator. Listens in the administrator's
 * transaction, so the suspension and its entry are stored together or not at all.
 */
@Component
class AdministratorSuspensions {
    /** The rule shown for the administrators' decisions, which cite none of the code of conduct's. */
    static final String RULE = "administrators";

    private final ModerationLog log;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;

    AdministratorSuspensions(ModerationLog log, ApplicationEventPublisher events, Ids ids, Clock clock) {
        this.log = log;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SuspendedByAdministrator e) {
        ModerationAction action = record(ModerationAction.Action.SUSPEND, e.accountId(), e.administratorId(),
                e.reason() == null ? "" : e.reason());
        // no end: the row is what an upheld appeal lifts, and the hourly job leaves it alone
        log.sanction(action.id(), "SUSPEND", e.accountId(), null, e.administratorId(), null);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SuspensionLiftedByAdministrator e) {
        // whatever suspensions moderation was keeping are over: none may end a later one when its time runs out
        log.liftSuspensionsOf(e.accountId());
        record(ModerationAction.Action.UNSUSPEND, e.accountId(), e.administratorId(), "");
    }

    private ModerationAction record(ModerationAction.Action what, long subjectId, long administratorId, String reason) {
        ModerationAction action = new ModerationAction(ids.next(), what, TargetKind.ACCOUNT, subjectId, null, null,
                subjectId, administratorId, Moderators.ADMINISTRATOR, RULE, reason, null, clock.instant(), null);
        log.insert(action);
        events.publishEvent(new ModerationEvents.ActionTaken(action.id(), subjectId, administratorId, null));
        return action;
    }
}
