package org.tribune.search;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.account.AccountService;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * The index holds a copy of each live post's text with its author. The export lists which posts are indexed (the
 * text itself is in the posts' own export); erasing with content removes them, and without it they stay findable
 * as the posts themselves stay.
 */
@Component
class SearchPersonalData implements PersonalData {
    static final String CATEGORY = "search-index";

    private final SearchEntries entries;
    private final AccountService accounts;

    SearchPersonalData(SearchEntries entries, AccountService accounts) {
        this.entries = entries;
        this.accounts = accounts;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(new DataCategory(CATEGORY));
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(CATEGORY, entries.countByAuthor(accountId));
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(CATEGORY, entries.postIdsByAuthor(accountId).stream()
                .map(id -> Map.of("postId", Long.toString(id))).toList());
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        if (erasure.deleteContent()) {
            entries.removeByAuthor(accountId);
        }
        // the account feature erases last, so the handle is still there
        accounts.byId(accountId).ifPresent(a -> entries.forgetMentions(a.handle(), "former-member"));
    }
}
