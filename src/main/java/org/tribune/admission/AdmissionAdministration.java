package org.tribune.admission;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.platform.Conflict;
import org.tribune.platform.NotFound;

/** What administrators do to the waiting list: see it, set the quota, admit someone by hand, read the runs. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class AdmissionAdministration {
    private final AdmissionService admission;
    private final AccountService accounts;

    AdmissionAdministration(AdmissionService admission, AccountService accounts) {
        this.admission = admission;
        this.accounts = accounts;
    }

    /** One waiting person, with their place. */
    public record Waiting(long position, QueueEntry entry, Account account) {
    }

    /** A page of the queue and the cursor of the next one (null on the last page). */
    public record QueuePage(List<Waiting> people, String next) {
    }

    public QueuePage queue(String cursor) {
        List<QueueEntry> entries = admission.queue(cursor);
        Map<Long, Account> found = accounts.byIds(entries.stream().map(QueueEntry::accountId).toList());
        long first = entries.isEmpty() ? 0 : admission.position(entries.getFirst());
        List<Waiting> people = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            QueueEntry e = entries.get(i);
            people.add(new Waiting(first + i, e, found.get(e.accountId())));
        }
        String next = entries.size() == AdmissionService.PAGE_SIZE ? entries.getLast().cursor() : null;
        return new QueuePage(people, next);
    }

    public Integer dailyQuota() {
        return admission.dailyQuota();
    }

    public long waiting() {
        return admission.waiting();
    }

    /** null or -1: unlimited; 0: closed. */
    @Transactional
    public Integer setDailyQuota(Account admin, Integer quota) {
        admission.setDailyQuota(quota, admin.id());
        return admission.dailyQuota();
    }

    /** Admits the person with this handle now; false if they were already in. Others not waiting are refused. */
    @Transactional
    public boolean admit(String handle) {
        Account account = accounts.byHandle(handle).filter(a -> a.state() != AccountState.DELETED)
                .orElseThrow(() -> new NotFound("account"));
        if (account.state() == AccountState.ACTIVE) {
            return false;
        }
        if (account.state() != AccountState.WAITING || !admission.admitByHand(account)) {
            throw new Conflict("admission.not-waiting");
        }
        return true;
    }

    public List<AdmissionRun> runs() {
        return admission.runs();
    }
}
