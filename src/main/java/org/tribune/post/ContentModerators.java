package org.tribune.post;

import org.springframework.stereotype.Component;
import org.tribune.account.AccountService;
import org.tribune.account.Role;
import org.tribune.group.GroupAccess;

/** Who may still see hidden content: site moderators and administrators, and the moderators of its group. */
@Component
class ContentModerators {
    private final AccountService accounts;
    private final GroupAccess groups;

    ContentModerators(AccountService accounts, GroupAccess groups) {
        this.accounts = accounts;
        this.groups = groups;
    }

    boolean moderates(Long groupId, Long viewerId) {
        if (viewerId == null) {
            return false;
        }
        return (groupId != null && groups.canModerate(groupId, viewerId)) || siteModerator(viewerId);
    }

    boolean siteModerator(long accountId) {
        return accounts.byId(accountId).map(a -> a.role() == Role.MODERATOR || a.role() == Role.ADMIN).orElse(false);
    }

    /** Whether hidden content by {@code authorId} in {@code groupId} is shown (marked) to this viewer. */
    boolean seesHidden(long authorId, Long groupId, Long viewerId) {
        return viewerId != null && (viewerId == authorId || moderates(groupId, viewerId));
    }
}
