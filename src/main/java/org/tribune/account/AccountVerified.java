package org.tribune.account;

/** Published when an account's first address is verified; admission decides what comes next. */
public record AccountVerified(long accountId) {
}
