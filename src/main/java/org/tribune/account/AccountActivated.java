package org.tribune.account;

/**
 * Published when an account becomes active for the first time (today at verification; with a waiting list, at
 * admission). Groups use it to welcome newcomers into the default groups.
 */
public record AccountActivated(long accountId) {
}
