package org.tribune.account;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;
import org.tribune.platform.SignedLinks;

/** Makes accounts for tests, each with a unique handle and address and the same password. */
@Component
public class Members {
    public static final String PASSWORD = "violet staple lantern 42";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final Accounts table;
    private final SignedLinks links;

    private final org.springframework.jdbc.core.simple.JdbcClient db;

    Members(AccountService accounts, Accounts table, SignedLinks links, org.springframework.jdbc.core.simple.JdbcClient db) {
        this.db = db;
        this.accounts = accounts;
        this.table = table;
        this.links = links;
    }

    /** A handle nobody has yet, starting with {@code prefix}. */
    public static String uniqueHandle(String prefix) {
        String suffix = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String handle = prefix + "_" + suffix;
        return handle.length() > 30 ? handle.substring(0, 30) : handle;
    }

    public static String emailOf(String handle) {
        return handle.toLowerCase() + "@example.test";
    }

    /** Signed up, not yet verified. */
    public Account unverified(String prefix) {
        String handle = uniqueHandle(prefix);
        accounts.signUp(new SignUp(handle, emailOf(handle), PASSWORD, "en", true), "192.0.2.1");
        return table.byHandle(handle).orElseThrow();
    }

    /** Signed up, verified and admitted, whatever the daily quota. */
    public Account active(String prefix) {
        Account account = verified(prefix);
        accounts.admit(account.id()); // does nothing when the open gates already admitted it
        return table.byId(account.id()).orElseThrow();
    }

    /** Signed up and verified through the link: admitted or waiting, as the admission settings decide. */
    public Account verified(String prefix) {
        Account account = unverified(prefix);
        return verify(account);
    }

    /** Follows the verification link of an account, as its owner would. */
    public Account verify(Account account) {
        return accounts.verify(links.sign(AccountService.VERIFY, account.id() + ":" + account.email(),
                AccountService.VERIFY_VALID_FOR));
    }

    /** Signed up with an invitation code, not yet verified. */
    public Account unverifiedWithInvitation(String prefix, String invitation) {
        String handle = uniqueHandle(prefix);
        accounts.signUp(new SignUp(handle, emailOf(handle), PASSWORD, "en", true, invitation), "192.0.2.1");
        return table.byHandle(handle).orElseThrow();
    }

    /** Verified, and waiting to be admitted: reads, has a profile, takes no part yet. */
    public Account waiting(String prefix) {
        Account account = unverified(prefix);
        table.markVerified(account.id(), account.email(), AccountState.WAITING, java.time.Instant.now());
        return table.byId(account.id()).orElseThrow();
    }

    /**
     * Moves this person's display-name changes {@code days} into the past, as if they were made then: display names
     * may change only once a week, and tests that change them twice play the week out.
     */
    public void ageNameChanges(long accountId, int days) {
        db.sql("update display_name_change set changed_at = ? where account_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(days))), accountId)
                .update();
    }

    public Account withRole(String prefix, Role role) {
        Account account = active(prefix);
        table.updateRole(account.id(), role);
        return table.byId(account.id()).orElseThrow();
    }

    public Account admin(String prefix) {
        return withRole(prefix, Role.ADMIN);
    }

    public Account reload(Account account) {
        return table.byId(account.id()).orElseThrow();
    }

    /** Suspends directly in the table, as if an administrator had. */
    public void suspend(Account account) {
        table.suspend(account.id());
    }
}
