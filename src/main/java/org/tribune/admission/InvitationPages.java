package org.tribune.admission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tribune.account.AccountService;
import org.tribune.platform.web.PageAbility;

/** What the layout needs to know of invitations: link to {@code /invitations} only for those trusted to invite. */
@Configuration(proxyBeanMethods = false)
class InvitationPages {
    @Bean
    PageAbility inviting(InvitationService invitations, AccountService accounts) {
        return PageAbility.of(PageAbility.INVITE, id -> accounts.byId(id).map(invitations::mayInvite).orElse(false));
    }
}
