package org.tribune.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.safety.SafetyService;
import org.tribune.safety.WordFilters;

import tools.jackson.databind.JsonNode;

/** A first home feed is never empty: when it is quiet, recent posts of active public groups show, marked as suggestions. */
@IntegrationTest
class QuietFeedTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    PostService posts;
    @Autowired
    FeedService feeds;
    @Autowired
    SafetyService safety;
    @Autowired
    WordFilters filters;
    @Autowired
    TokenService tokens;

    private Group group(Account owner, String visibility) {
        return groups.create(owner, new GroupForm(("q-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-'),
                "Lively " + visibility, "", "en", visibility, "OPEN", List.of(), false));
    }

    private Post post(Account author, Group group, String body) {
        return posts.publish(author, group.id(), new PostService.Draft(null, body, null));
    }

    private static List<Long> suggested(Feed feed) {
        return feed.entries().stream().filter(e -> e.reason().isSuggestion()).map(e -> e.item().post().id()).toList();
    }

    @Test
    void aNewcomersQuietFeedSuggestsRecentPublicPostsNeverPrivateOnes() {
        Account owner = members.active("own");
        Group lively = group(owner, "PUBLIC");
        Group closed = group(owner, "PRIVATE");
        Post open = post(owner, lively, "Welcome to the public square");
        Post secret = post(owner, closed, "Members only words");

        Account newcomer = members.active("new");
        Feed feed = feeds.home(newcomer, null);

        assertThat(feed.quiet()).isTrue();
        assertThat(suggested(feed)).contains(open.id()).doesNotContain(secret.id());
        FeedEntry entry = feed.entries().stream().filter(e -> e.item().post().id() == open.id()).findFirst().orElseThrow();
        assertThat(entry.reason().kind()).isEqualTo(Reason.Kind.SUGGESTED);
        assertThat(entry.reason().target()).isEqualTo(lively.slug());
        List<Long> ids = feed.entries().stream().map(e -> e.item().post().id()).toList();
        assertThat(ids).as("still newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(feeds.home(newcomer, Long.MAX_VALUE - 1).entries()).as("only on the first page")
                .noneMatch(e -> e.reason().isSuggestion());
    }

    @Test
    void mutedBlockedAndFilteredAuthorsAreNeverSuggested() {
        Account owner = members.active("own");
        Account loud = members.active("loud");
        Account rude = members.active("rude");
        Group lively = group(owner, "PUBLIC");
        groupJoining.join(loud, lively.slug(), List.of());
        groupJoining.join(rude, lively.slug(), List.of());
        Post muted = post(loud, lively, "Very loud opinions");
        Post blocked = post(rude, lively, "Rude remarks");
        Post filtered = post(owner, lively, "All about spoilerword tonight");
        Post fine = post(owner, lively, "A fine afternoon");

        Account reader = members.active("reader");
        safety.mute(reader, loud.handle(), null);
        safety.block(rude, reader.handle());
        filters.create(reader, new WordFilters.Request("spoilerword", List.of("HOME"), "HIDE", null));

        assertThat(suggested(feeds.home(reader, null))).contains(fine.id())
                .doesNotContain(muted.id(), blocked.id(), filtered.id());
    }

    @Test
    void aGroupOneWasBannedFromIsNeverSuggested() {
        Account owner = members.active("own");
        Group lively = group(owner, "PUBLIC");
        Account banned = members.active("ban");
        groupMembers.ban(owner, lively.slug(), banned.handle(), "spam");
        Post recent = post(owner, lively, "Still lively");

        assertThat(suggested(feeds.home(banned, null))).doesNotContain(recent.id());
        assertThat(suggested(feeds.home(members.active("other"), null))).contains(recent.id());
    }

    @Test
    void aBusyFeedHasNoSuggestions() {
        Account owner = members.active("own");
        Group mine = group(owner, "PUBLIC");
        Group other = group(owner, "PUBLIC");
        Account reader = members.active("busy");
        groupJoining.join(reader, mine.slug(), List.of());
        for (int i = 0; i < FeedService.QUIET_BELOW; i++) {
            post(owner, mine, "News number " + i);
        }
        Post elsewhere = post(owner, other, "Elsewhere");

        Feed feed = feeds.home(reader, null);
        assertThat(feed.quiet()).isFalse();
        assertThat(suggested(feed)).isEmpty();
        assertThat(feed.entries()).extracting(e -> e.item().post().id()).doesNotContain(elsewhere.id());
    }

    @Test
    void thePageAndTheApiMarkSuggestions() {
        Account owner = members.active("own");
        Group lively = group(owner, "PUBLIC");
        Post open = post(owner, lively, "Come and see");
        Account newcomer = members.active("new");

        WebClient browser = new WebClient(port);
        browser.login(newcomer.email(), Members.PASSWORD);
        String home = browser.get("/").body();
        assertThat(home).contains("have been quiet this week").contains("Suggestion: recent in the public group " + lively.name())
                .contains("Come and see");

        String token = tokens.createFor(newcomer.id(), "test");
        JsonNode items = new WebClient(port).get("/api/v1/feed", "Authorization", "Bearer " + token).json().get("items");
        JsonNode found = null;
        for (JsonNode item : items) {
            if (item.get("post").get("id").asString().equals(Long.toString(open.id()))) {
                found = item;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.get("suggestion").asBoolean()).isTrue();
        assertThat(found.get("reason").get("kind").asString()).isEqualTo("SUGGESTED");
        assertThat(new WebClient(port).get("/api/v1/feed").status()).isEqualTo(401);
    }
}
