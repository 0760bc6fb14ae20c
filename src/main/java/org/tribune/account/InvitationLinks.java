package org.tribune.account;

/**
 * Whether an invitation link can still be used, so the sign-up page can say so before anyone fills it in.
 * Admission supplies it; the account feature only asks, so it does not depend on admission.
 */
public interface InvitationLinks {
    /** True if this token names a link that is unused, unrevoked and unexpired. */
    boolean usable(String token);
}
