package org.tribune.moderation;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.Role;
import org.tribune.group.GroupAccess;

/** Who moderates what: site moderators (and administrators) everything, group moderators their groups. */
@Component
class Moderators {
    static final String COMMUNITY = "community";
    static final String TRUSTED_MEMBER = "trusted-member";
    static final String GROUP_MODERATOR = "group-moderator";
    static final String SITE_MODERATOR = "site-moderator";
    /** Suspensions decided (and lifted) on the administrators' page. */
    static final String ADMINISTRATOR = "administrator";
    /** A group's filter held or refused content by itself. */
    static final String AUTOMATIC_FILTER = "automatic-filter";

    private final GroupAccess groups;

    Moderators(GroupAccess groups) {
        this.groups = groups;
    }

    static boolean site(Account account) {
        return account != null && (account.role() == Role.MODERATOR || account.role() == Role.ADMIN);
    }

    boolean moderates(Account account, Long groupId) {
        return account != null && account.isActive()
                && (site(account) || (groupId != null && groups.canModerate(groupId, account.id())));
    }

    /** The capacity shown in the log: the group's moderator for group content, else the site's. */
    String role(Account account, Long groupId) {
        return groupId != null && groups.canModerate(groupId, account.id()) ? GROUP_MODERATOR : SITE_MODERATOR;
    }
}
