package org.tribune.admission;

import org.springframework.stereotype.Component;
import org.tribune.account.AccountService;
import org.tribune.platform.web.PageAbility;

/** Tells the layout whether to link to {@code /invitations}: only for members trusted to invite. */
@Component
class InviteAbility implements PageAbility {
    private final InvitationService invitations;
    private final AccountService accounts;

    InviteAbility(InvitationService invitations, AccountService accounts) {
        this.invitations = invitations;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return INVITE;
    }

    @Override
    public boolean grantedTo(long accountId) {
        return accounts.byId(accountId).map(invitations::mayInvite).orElse(false);
    }
}
