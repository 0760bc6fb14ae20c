package org.tribune.group;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tribune.account.AccountActivated;

/** Puts every newly active account into the default groups, in the transaction that activates it. */
@Component
class NewcomerWelcome {
    private final GroupService groups;

    NewcomerWelcome(GroupService groups) {
        this.groups = groups;
    }

    @EventListener
    void on(AccountActivated event) {
        groups.welcome(event.accountId());
    }
}
