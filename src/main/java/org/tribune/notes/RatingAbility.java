package org.tribune.notes;

import org.springframework.stereotype.Component;
import org.tribune.account.AccountService;
import org.tribune.platform.web.PageAbility;

/** Tells the layout whether to link to {@code /notes/needs-ratings}: by the same rule that page applies. */
@Component
class RatingAbility implements PageAbility {
    private final NoteService notes;
    private final AccountService accounts;

    RatingAbility(NoteService notes, AccountService accounts) {
        this.notes = notes;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return RATE_NOTES;
    }

    @Override
    public boolean grantedTo(long accountId) {
        return accounts.byId(accountId).map(notes::mayRate).orElse(false);
    }
}
