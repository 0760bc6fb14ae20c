package org.tribune.account;

/**
 * Published when an account is opened from an invitation link. The account feature does not know what the code
 * means; admission decides whether it is valid and claims it.
 */
public record InvitationPresented(long accountId, String code) {
}
