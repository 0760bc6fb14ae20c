package org.tribune.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.account.AccountService;
import org.tribune.platform.ClusterJobs;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.PersonalData;

/**
 * Deleting an account: asking freezes it at once (the account feature signs it out everywhere and revokes its
 * tokens); after 14 days without a sign-in to cancel, the hourly purge erases it through every feature's
 * {@link PersonalData#erase}, all in one transaction, the account feature last.
 */
@Service
public class AccountDeletion {
    static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    private final AccountService accounts;
    private final PersonalDataSources sources;
    private final ClusterJobs jobs;
    private final TransactionTemplate tx;

    AccountDeletion(AccountService accounts, PersonalDataSources sources, ClusterJobs jobs, TransactionTemplate tx) {
        this.accounts = accounts;
        this.sources = sources;
        this.jobs = jobs;
        this.tx = tx;
    }

    /** Checks the password and freezes the account; answers when it will be erased. */
    public Instant request(long accountId, String password, boolean deleteContent) {
        return accounts.requestDeletion(accountId, password, deleteContent);
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 180_000)
    void purgeOnce() {
        if (jobs.claimWindow("account-purge", PURGE_EVERY)) {
            purgeDue();
        }
    }

    /** Erases every closing account whose time to cancel is over; answers how many. */
    public int purgeDue() {
        int erased = 0;
        Map<Long, Boolean> due;
        do {
            due = accounts.dueForErasure(50);
            for (var account : due.entrySet()) {
                erase(account.getKey(), new Erasure(account.getValue()));
                erased++;
            }
        } while (due.size() == 50);
        if (erased > 0) {
            log.info("erased {} accounts whose deletion was due", erased);
        }
        return erased;
    }

    void erase(long accountId, Erasure erasure) {
        tx.executeWithoutResult(status -> {
            for (PersonalData source : sources.forErasure()) {
                source.erase(accountId, erasure);
            }
        });
    }
}
