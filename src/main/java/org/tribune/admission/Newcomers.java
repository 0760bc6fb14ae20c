package org.tribune.admission;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tribune.account.AccountActivated;
import org.tribune.account.AccountVerified;
import org.tribune.account.InvitationPresented;

/** Follows accounts through sign-up, verification and activation, in the transaction of each step. */
@Component
class Newcomers {
    private final AdmissionService admission;
    private final InvitationService invitations;

    Newcomers(AdmissionService admission, InvitationService invitations) {
        this.admission = admission;
        this.invitations = invitations;
    }

    @EventListener
    void on(InvitationPresented event) {
        invitations.claim(event.code(), event.accountId());
    }

    @EventListener
    void on(AccountVerified event) {
        admission.verified(event.accountId());
    }

    @EventListener
    void on(AccountActivated event) {
        admission.activated(event.accountId());
    }
}
