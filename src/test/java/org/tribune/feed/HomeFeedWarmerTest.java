package org.tribune.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tribune.platform.Sql.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.SecretTokens;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;
import org.tribune.post.PostService;

/**
 * After start-up, a node reads what the home feeds of the people active lately ask for: their groups and follows and
 * the newest posts of those; nothing of anyone else's, and a feed read afterwards is the same.
 */
@IntegrationTest
class HomeFeedWarmerTest {
    @Autowired
    HomeFeedWarmer warmer;
    @Autowired
    FeedService feeds;
    @Autowired
    NodeCaches caches;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining joining;
    @Autowired
    FollowService follows;
    @Autowired
    PostService posts;
    @Autowired
    TokenService tokens;
    @Autowired
    JdbcClient db;
    @Autowired
    Clock clock;

    private NodeCache<?> cache(String name) {
        return caches.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void usedApi(Account person, Instant at) {
        String token = tokens.createFor(person.id(), "warm");
        db.sql("update api_token set last_used_at = ? where token_hash = ?").params(ts(at), SecretTokens.hash(token)).update();
    }

    @Test
    void theFeedsOfThePeopleActiveLatelyAreReadAheadAndNoOneElses() {
        Account owner = members.active("hwo");
        Group group = groups.create(owner, new GroupForm(("hw-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-'),
                "Warm feeds", "", "en", "PUBLIC", "OPEN", List.of(), false));
        Account followed = members.active("hwf");
        Account reader = members.active("hwr");
        Account away = members.active("hwa");
        for (Account person : List.of(reader, away)) {
            joining.join(person, group.slug(), List.of());
            follows.follow(person, followed.handle());
        }
        long inGroup = posts.publish(owner, group.id(), new PostService.Draft(null, "In the group", null)).id();
        long byFollowed = posts.publish(followed, null, new PostService.Draft(null, "From someone followed", null)).id();
        usedApi(reader, clock.instant().minusSeconds(30));
        usedApi(away, clock.instant().minus(Duration.ofDays(3)));
        List<Long> before = feeds.home(reader, null).entries().stream().map(e -> e.item().post().id()).toList();

        caches.clearHere();
        int read = warmer.warm(Instant.now().plusSeconds(60));

        assertThat(read).isGreaterThanOrEqualTo(2);
        assertThat(cache("member-groups").peek(reader.id())).as("the reader's groups").isNotNull();
        assertThat(cache("followees").peek(reader.id())).as("whom the reader follows").isNotNull();
        assertThat(cache("newest-in-group").peek(group.id())).as("the group's newest posts").isNotNull();
        assertThat(cache("newest-by-author").peek(followed.id())).as("the newest posts of someone followed").isNotNull();
        assertThat(cache("posts").peek(inGroup)).isNotNull();
        assertThat(cache("posts").peek(byFollowed)).isNotNull();
        assertThat(cache("followees").peek(away.id())).as("someone not seen for three days").isNull();
        assertThat(cache("member-groups").peek(away.id())).isNull();
        assertThat(feeds.home(reader, null).entries()).extracting(e -> e.item().post().id())
                .containsExactlyElementsOf(before).contains(inGroup, byFollowed);
    }

    @Test
    void warmingStopsWhenItsTimeIsUp() {
        usedApi(members.active("hwt"), clock.instant());
        caches.clearHere();
        assertThat(warmer.warm(Instant.now().minusSeconds(1))).isZero();
        assertThat(cache("followees").size()).isZero();
    }
}
