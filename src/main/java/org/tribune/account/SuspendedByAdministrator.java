package org.tribune.account;

/**
 * Published, inside its transaction, when an administrator suspends an account from the administrators' page.
 * Moderation writes it to the public moderation log, tells the person and lets them appeal, as for a moderator's
 * suspension; a listener that fails undoes the suspension, so the log never misses one.
 *
 * @param reason what the administrator wrote (may be empty, at most 250 characters)
 */
public record SuspendedByAdministrator(long accountId, long administratorId, String reason) {
}
