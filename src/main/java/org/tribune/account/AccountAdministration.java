package org.tribune.account;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.platform.Conflict;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;

/** What administrators do to accounts; every change is written to the audit log in the same transaction. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class AccountAdministration {
    public static final int PAGE_SIZE = 50;

    private final Accounts accounts;
    private final AccountAudit audit;
    private final SignedInDevices devices;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;

    AccountAdministration(Accounts accounts, AccountAudit audit, SignedInDevices devices,
            ApplicationEventPublisher events, Ids ids, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.devices = devices;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    public List<Account> search(String query, Long before) {
        String q = query == null ? "" : query.strip();
        if (q.length() > 100) {
            throw InvalidInput.of("query", "search.too-long", 100);
        }
        return accounts.search(q, before == null ? Long.MAX_VALUE : before, PAGE_SIZE);
    }

    public Account byHandle(String handle) {
        return accounts.byHandle(handle).orElseThrow(() -> new NotFound("account"));
    }

    public List<AuditEntry> auditOf(long accountId) {
        return audit.about(accountId, 100);
    }

    public List<AuditEntry> audit(Long before) {
        return audit.newestBefore(before == null ? Long.MAX_VALUE : before, PAGE_SIZE);
    }

    public List<DisplayNameChange> displayNameHistory(long accountId) {
        return accounts.displayNameChanges(accountId);
    }

    @Transactional
    public Account suspend(Account admin, String handle, String reason) {
        Account subject = byHandle(handle);
        if (subject.id() == admin.id()) {
            throw new Conflict("admin.not-yourself");
        }
        if (!accounts.suspend(subject.id())) {
            throw new Conflict("admin.not-suspendable");
        }
        String why = blank(reason) ? "" : trimmed(reason);
        record(admin, subject, "suspend", why);
        devices.signOutEverywhere(subject.id());
        // the public moderation log (and the person's right to appeal) hears of it in this transaction
        events.publishEvent(new SuspendedByAdministrator(subject.id(), admin.id(), why));
        return accounts.byId(subject.id()).orElseThrow();
    }

    @Transactional
    public Account unsuspend(Account admin, String handle) {
        Account subject = byHandle(handle);
        if (!accounts.unsuspend(subject.id())) {
            throw new Conflict("admin.not-suspended");
        }
        Account restored = accounts.byId(subject.id()).orElseThrow();
        record(admin, subject, "unsuspend", restored.state().name());
        events.publishEvent(new SuspensionLiftedByAdministrator(subject.id(), admin.id()));
        return restored;
    }

    @Transactional
    public Account changeRole(Account admin, String handle, String roleName) {
        Role role;
        try {
            role = Role.valueOf(roleName == null ? "" : roleName.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("role", "admin.role-unknown");
        }
        Account subject = byHandle(handle);
        if (subject.id() == admin.id()) {
            throw new Conflict("admin.not-yourself");
        }
        if (subject.role() != role) {
            accounts.updateRole(subject.id(), role);
            record(admin, subject, "role", subject.role().name() + " → " + role.name());
        }
        return accounts.byId(subject.id()).orElseThrow();
    }

    /**
     * Writes an administrator's action of another feature (e.g. a trust level given) to the same audit log, in the
     * caller's transaction; {@code action} has a message {@code audit.<action>}.
     */
    @Transactional
    public void recordAction(Account admin, long subjectId, String action, String detail) {
        audit.add(ids.next(), admin.id(), subjectId, action, detail, clock.instant());
    }

    private void record(Account admin, Account subject, String action, String detail) {
        audit.add(ids.next(), admin.id(), subject.id(), action, detail, clock.instant());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String reason) {
        String r = reason.strip();
        return r.length() > 250 ? r.substring(0, 250) : r;
    }
}
