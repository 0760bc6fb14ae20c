package org.tribune.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tribune.account.AccountService;
import org.tribune.group.GroupAccess;
import org.tribune.platform.cluster.CacheWarmer;

/**
 * After start-up, reads what the first feeds ask for: the newest posts anywhere, their groups and authors, the lists
 * of newest posts of the groups and authors they come from, then the posts with their extras, most recent first,
 * until the time is up.
 */
@Component
@Order(10)
class PostCacheWarmer implements CacheWarmer {
    static final int RECENT_POSTS = 20_000;
    static final int GROUPS = 1_000;
    static final int AUTHORS = 2_000;
    private static final int CHUNK = 64;

    private final NewestPosts newest;
    private final Posts posts;
    private final PostExtras extras;
    private final GroupAccess groups;
    private final AccountService accounts;

    PostCacheWarmer(NewestPosts newest, Posts posts, PostExtras extras, GroupAccess groups, AccountService accounts) {
        this.newest = newest;
        this.posts = posts;
        this.extras = extras;
        this.groups = groups;
        this.accounts = accounts;
    }

    @Override
    public int warm(Instant stopBy) {
        List<NewestPosts.Entry> recent = newest.latest(RECENT_POSTS);
        Set<Long> groupIds = new LinkedHashSet<>();
        Set<Long> authorIds = new LinkedHashSet<>();
        for (NewestPosts.Entry e : recent) {
            if (e.groupId() != 0 && groupIds.size() < GROUPS) {
                groupIds.add(e.groupId());
            }
            if (authorIds.size() < AUTHORS) {
                authorIds.add(e.authorId());
            }
        }
        int read = recent.size();
        for (List<Long> chunk : chunks(groupIds)) {
            if (Instant.now().isAfter(stopBy)) {
                return read;
            }
            groups.groups(chunk);
            newest.warmGroups(chunk);
            read += chunk.size();
        }
        for (List<Long> chunk : chunks(authorIds)) {
            if (Instant.now().isAfter(stopBy)) {
                return read;
            }
            accounts.byIds(chunk);
            newest.warmAuthors(chunk);
            read += chunk.size();
        }
        List<Long> postIds = recent.stream().map(NewestPosts.Entry::id).toList();
        for (int from = 0; from < postIds.size(); from += 500) {
            if (Instant.now().isAfter(stopBy)) {
                return read;
            }
            List<Long> chunk = postIds.subList(from, Math.min(postIds.size(), from + 500));
            read += posts.live(chunk).size();
            extras.of(chunk);
        }
        return read;
    }

    private static List<List<Long>> chunks(Set<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
