package org.tribune.account;

/**
 * Published, inside its transaction, when an administrator lifts a suspension from the administrators' page
 * (whoever decided it): moderation logs it and closes the suspensions it was keeping, so none of them ends the
 * account's next suspension by running out.
 */
public record SuspensionLiftedByAdministrator(long accountId, long administratorId) {
}
