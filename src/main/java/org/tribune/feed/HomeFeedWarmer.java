package org.tribune.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.RecentlyActive;
import org.tribune.platform.cluster.CacheWarmer;

/**
 * After start-up, and after the newest posts (PostCacheWarmer), reads the first page of the home feed of each person
 * active in the last two days, the most recent first, until the time is up: their groups, follows, shields, filters
 * and likes, and the lists of newest posts of the groups and people they follow. Those are the people the node will
 * serve first, and a first home feed costs several times a warm one. The feeds themselves are not kept; only what
 * every feed reads through the caches is, under the caches' usual guard against changes made meanwhile.
 */
@Component
@Order(20)
class HomeFeedWarmer implements CacheWarmer {
    static final int PEOPLE = 5_000;
    private static final int CHUNK = 100;

    private final RecentlyActive active;
    private final AccountService accounts;
    private final FeedService feeds;

    HomeFeedWarmer(RecentlyActive active, AccountService accounts, FeedService feeds) {
        this.active = active;
        this.accounts = accounts;
        this.feeds = feeds;
    }

    @Override
    public int warm(Instant stopBy) {
        List<Long> people = active.within(RecentlyActive.WINDOW, PEOPLE);
        int read = 0;
        for (int from = 0; from < people.size(); from += CHUNK) {
            List<Long> chunk = people.subList(from, Math.min(people.size(), from + CHUNK));
            Map<Long, Account> found = accounts.byIds(chunk);
            for (Long id : chunk) {
                if (Instant.now().isAfter(stopBy)) {
                    return read;
                }
                Account person = found.get(id);
                if (person != null && person.state() == AccountState.ACTIVE) {
                    read += feeds.home(person, null).entries().size();
                }
            }
        }
        return read;
    }
}
