package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupService;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** After start-up, a node reads the newest posts, their groups' and authors' lists and the posts themselves into memory. */
@IntegrationTest
class PostCacheWarmerTest {
    @Autowired
    PostCacheWarmer warmer;
    @Autowired
    NodeCaches caches;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    PostService posts;
    @Autowired
    PostReads reads;

    private long size(String name) {
        return caches.all().stream().filter(c -> c.name().equals(name)).mapToLong(NodeCache::size).sum();
    }

    @Test
    void warmingFillsTheListsThePostsAndTheirGroupsAndAuthorsAndFeedsReadTheSame() {
        Account writer = members.active("warm");
        Group group = groups.create(writer, new GroupForm(("w-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-'),
                "Warm group", "", "en", "PUBLIC", "OPEN", List.of(), false));
        List<Long> written = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(posts.publish(writer, group.id(), new PostService.Draft(null, "Warm words " + i, null)).id());
        }
        PostReads.Sources sources = new PostReads.Sources(Set.of(group.id()), Set.of(), Set.of(writer.id()));
        List<Long> before = reads.newest(sources, Long.MAX_VALUE, 20, writer.id()).items().stream().map(i -> i.post().id()).toList();

        caches.clearHere();
        assertThat(size("newest-in-group") + size("newest-by-author") + size("posts") + size("groups")).isZero();
        int read = warmer.warm(Instant.now().plusSeconds(30));

        assertThat(read).isGreaterThanOrEqualTo(written.size());
        assertThat(size("newest-in-group")).isPositive();
        assertThat(size("newest-by-author")).isPositive();
        assertThat(size("posts")).isGreaterThanOrEqualTo(written.size());
        assertThat(size("post-extras")).isGreaterThanOrEqualTo(written.size());
        assertThat(size("groups")).isPositive();
        assertThat(size("accounts")).isPositive();
        assertThat(reads.newest(sources, Long.MAX_VALUE, 20, writer.id()).items()).extracting(i -> i.post().id())
                .containsExactlyElementsOf(before).containsAll(written);
    }

    @Test
    void warmingStopsWhenItsTimeIsUp() {
        caches.clearHere();
        assertThat(warmer.warm(Instant.now().minusSeconds(1))).isEqualTo(warmer.warm(Instant.now().minusSeconds(1)));
        assertThat(size("posts") + size("post-extras")).as("no post read past the time").isZero();
    }
}
