package org.tribune.trust;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountAdministration;
import org.tribune.account.TrustLevelLookup;
import org.tribune.platform.Forbidden;

/**
 * What administrators do with trust levels: give or take back the leader level, and run the computation now. Each
 * grant and removal goes to the administrators' audit log, like their other actions on accounts.
 */
@Service
public class TrustAdministration implements TrustLevelLookup {
    private final TrustLevels levels;
    private final TrustComputation computation;
    private final AccountAdministration accounts;

    TrustAdministration(TrustLevels levels, TrustComputation computation, AccountAdministration accounts) {
        this.levels = levels;
        this.computation = computation;
        this.accounts = accounts;
    }

    @Override
    public int trustLevel(long accountId) {
        return levels.of(accountId).number();
    }

    @Transactional
    public TrustLevel grantLeader(Account admin, String handle) {
        requireAdmin(admin);
        Account subject = accounts.byHandle(handle);
        if (levels.of(subject.id()) != TrustLevel.LEADER) {
            levels.grantLeader(subject.id());
            accounts.recordAction(admin, subject.id(), "trust-leader", "");
        }
        return TrustLevel.LEADER;
    }

    /** Takes the leader level back; the person gets the level their activity earns, at once. */
    @Transactional
    public TrustLevel removeLeader(Account admin, String handle) {
        requireAdmin(admin);
        Account subject = accounts.byHandle(handle);
        if (levels.of(subject.id()) != TrustLevel.LEADER) {
            return levels.of(subject.id());
        }
        TrustLevel earned = computation.earnedNow(subject.id());
        levels.removeLeader(subject.id(), earned);
        accounts.recordAction(admin, subject.id(), "trust-leader-removed", "→ " + earned.number());
        return earned;
    }

    public TrustComputation.Outcome runNow(Account admin) {
        requireAdmin(admin);
        return computation.run();
    }

    private static void requireAdmin(Account account) {
        if (account == null || !account.isAdmin()) {
            throw new Forbidden("trust.admins-only");
        }
    }
}
