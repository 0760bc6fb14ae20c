package org.tribune.account;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;

/**
 * Suspensions decided by site moderators (moderation keeps their duration and lifts them): the same effect and
 * audit entry as an administrator's, open to the moderator role too.
 */
@Service
public class Suspensions {
    private final Accounts accounts;
    private final AccountAudit audit;
    private final SignedInDevices devices;
    private final Ids ids;
    private final Clock clock;

    Suspensions(Accounts accounts, AccountAudit audit, SignedInDevices devices, Ids ids, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.devices = devices;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public void suspend(Account moderator, long subjectId, String reason) {
        requireSiteModerator(moderator);
        if (subjectId == moderator.id()) {
            throw new Conflict("admin.not-yourself");
        }
        if (!accounts.suspend(subjectId)) {
            throw new Conflict("admin.not-suspendable");
        }
        audit.add(ids.next(), moderator.id(), subjectId, "suspend", reason == null ? "" : reason, clock.instant());
        devices.signOutEverywhere(subjectId);
    }

    /** Lifts a suspension; false when the account is not suspended (any more). */
    @Transactional
    public boolean lift(Account moderator, long subjectId) {
        requireSiteModerator(moderator);
        if (!accounts.unsuspend(subjectId)) {
            return false;
        }
        audit.add(ids.next(), moderator.id(), subjectId, "unsuspend", "", clock.instant());
        return true;
    }

    private static void requireSiteModerator(Account moderator) {
        if (moderator == null || (moderator.role() != Role.MODERATOR && moderator.role() != Role.ADMIN)) {
            throw new Forbidden("moderation.site-moderators-only");
        }
    }
}
