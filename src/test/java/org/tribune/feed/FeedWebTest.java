package org.tribune.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostService;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class FeedWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    PostService posts;
    @Autowired
    FollowService follows;
    @Autowired
    FeedService feeds;
    @Autowired
    TokenService tokens;

    Group group(Account owner, String visibility) {
        return groups.create(owner, new GroupForm(("f-" + Members.uniqueHandle("x").substring(2)).toLowerCase().replace('_', '-'),
                "Feed " + visibility, "", "en", visibility, "OPEN", List.of(), false));
    }

    static PostService.Draft text(String body) {
        return new PostService.Draft("", body, null);
    }

    WebClient signedIn(Account a) {
        WebClient browser = new WebClient(port);
        browser.login(a.email(), Members.PASSWORD);
        return browser;
    }

    /** The entries from the reader's own groups, follows and posts: a quiet first page also holds suggestions. */
    private static List<org.tribune.feed.FeedEntry> ownSources(Feed feed) {
        return feed.entries().stream().filter(e -> !e.reason().isSuggestion()).toList();
    }

    @Test
    void theHomeFeedIsChronologicalAndSaysWhyEachPostIsThere() {
        Account me = members.active("me");
        Account friend = members.active("friend");
        Account stranger = members.active("stranger");
        Group mine = group(stranger, "PUBLIC");
        Group notMine = group(stranger, "PUBLIC");
        groupJoining.join(me, mine.slug(), List.of());
        follows.follow(me, friend.handle());

        Post inGroup = posts.publish(stranger, mine.id(), text("group post"));
        Post byFriend = posts.publish(friend, null, text("friend post"));
        posts.publish(stranger, notMine.id(), text("not for me"));
        Post own = posts.publish(me, null, text("my post"));

        Feed feed = feeds.home(me, null);
        assertThat(ownSources(feed)).extracting(e -> e.item().post().id()).containsExactly(own.id(), byFriend.id(), inGroup.id());
        assertThat(ownSources(feed)).extracting(e -> e.reason().kind())
                .containsExactly(Reason.Kind.OWN, Reason.Kind.FOLLOWING, Reason.Kind.IN_GROUP);
        // This feed is quiet: a post of a public group one is not in may show, but only as a suggestion.
        assertThat(feed.entries()).filteredOn(e -> e.item().group() != null && e.item().group().id() == notMine.id())
                .allMatch(e -> e.reason().isSuggestion());

        WebClient.Response page = signedIn(me).get("/");
        assertThat(page.body()).contains("Your post").contains("You follow @" + friend.handle()).contains("In " + mine.name())
                .contains("id=\"new-posts\"").contains("/js/feed.js");
    }

    @Test
    void postsOfFollowedPeopleInGroupsOneCannotReadStayOut() {
        Account me = members.active("me");
        Account friend = members.active("friend");
        Group secret = group(friend, "PRIVATE");
        follows.follow(me, friend.handle());
        posts.publish(friend, secret.id(), text("private talk"));
        Post open = posts.publish(friend, null, text("open talk"));

        assertThat(ownSources(feeds.home(me, null))).extracting(e -> e.item().post().id()).containsExactly(open.id());
        assertThat(signedIn(me).get("/@" + friend.handle()).body()).contains("open talk").doesNotContain("private talk");
        assertThat(new WebClient(port).get("/@" + friend.handle()).body()).doesNotContain("private talk").doesNotContain(secret.name());
        assertThat(signedIn(friend).get("/@" + friend.handle()).body()).contains("private talk").contains(secret.name());
    }

    @Test
    void feedsPageByIdWithoutGapsOrRepeats() {
        Account me = members.active("me");
        Group g = group(me, "PUBLIC");
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            made.add(posts.publish(me, g.id(), text("post " + i)).id());
        }
        List<Long> seen = new ArrayList<>();
        Long before = null;
        do {
            Feed feed = feeds.home(me, before);
            ownSources(feed).forEach(e -> seen.add(e.item().post().id()));
            before = feed.next();
        } while (before != null);
        assertThat(seen).isEqualTo(made.reversed());

        WebClient browser = signedIn(me);
        WebClient.Response first = browser.get("/groups/" + g.slug());
        assertThat(first.body()).contains("post 44").contains("rel=\"next\"").doesNotContain(">post 24<");
        WebClient.Response older = browser.get("/groups/" + g.slug() + "?before=" + made.get(25));
        assertThat(older.body()).contains("post 24").doesNotContain("post 25<");
        assertThat(browser.get("/?before=notanumber").status()).isEqualTo(400);
    }

    @Test
    void newPostsAreCountedForTheBanner() {
        Account me = members.active("me");
        Account friend = members.active("friend");
        follows.follow(me, friend.handle());
        Post seenOne = posts.publish(friend, null, text("seen"));
        posts.publish(friend, null, text("new 1"));
        posts.publish(friend, null, text("new 2"));
        posts.publish(me, null, text("mine does not count"));

        WebClient browser = signedIn(me);
        WebClient.Response count = browser.get("/feed/new?after=" + seenOne.id());
        assertThat(count.json().get("count").asInt()).isEqualTo(2);
        assertThat(count.header("Cache-Control")).contains("no-store");
        assertThat(new WebClient(port).get("/feed/new?after=1").status()).isEqualTo(302);
    }

    @Test
    void theGroupPageOffersTheComposerOnlyToThoseWhoMayPost() {
        Account owner = members.active("own");
        Account member = members.active("mem");
        Group news = groups.create(owner, new GroupForm(("n-" + Members.uniqueHandle("x").substring(2)).toLowerCase().replace('_', '-'),
                "News", "", "en", "PUBLIC", "OPEN", List.of(), true));
        groupJoining.join(member, news.slug(), List.of());

        assertThat(signedIn(owner).get("/groups/" + news.slug()).body()).contains("action=\"/groups/" + news.slug() + "/posts\"");
        assertThat(signedIn(member).get("/groups/" + news.slug()).body()).doesNotContain("action=\"/groups/" + news.slug() + "/posts\"")
                .contains("only moderators publish");
        assertThat(new WebClient(port).get("/groups/" + news.slug()).body()).doesNotContain("/posts\"");
    }

    @Test
    void theProfileShowsCountsAndAFollowButton() {
        Account me = members.active("me");
        Account ana = members.active("ana");
        WebClient browser = signedIn(me);
        assertThat(browser.get("/@" + ana.handle()).body()).contains("action=\"/@" + ana.handle() + "/follow\"").contains("no followers");
        browser.post("/@" + ana.handle() + "/follow");
        assertThat(browser.get("/@" + ana.handle()).body()).contains("action=\"/@" + ana.handle() + "/unfollow\"").contains("1 follower");
        assertThat(browser.get("/@" + me.handle()).body()).doesNotContain("/follow\"").contains("1 following");
        assertThat(new WebClient(port).get("/@nobody_at_all_here").status()).isEqualTo(404);
    }

    @Test
    void theApiGivesTheSameFeedsWithReasons() {
        Account me = members.active("me");
        Account friend = members.active("friend");
        follows.follow(me, friend.handle());
        Post post = posts.publish(friend, null, text("api feed"));
        WebClient api = new WebClient(port);
        String token = "Bearer " + tokens.createFor(me.id(), "t");

        JsonNode feed = api.get("/api/v1/feed", "Authorization", token).json();
        JsonNode first = feed.get("items").get(0);
        assertThat(first.get("post").get("id").asString()).isEqualTo(Long.toString(post.id()));
        assertThat(first.get("reason").get("kind").asString()).isEqualTo("FOLLOWING");
        assertThat(first.get("reason").get("name").asString()).isEqualTo(friend.handle());
        assertThat(feed.get("next").isNull()).isTrue();
        assertThat(api.get("/api/v1/feed").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/" + friend.handle() + "/posts").json().get("items").get(0).get("post").get("body").asString())
                .isEqualTo("api feed");
        assertThat(api.get("/api/v1/feed?before=abc", "Authorization", token).status()).isEqualTo(400);
    }

    @Test
    void theSideColumnListsTheReadersGroupsAndSuggestsOnlyPublicGroupsTheyAreNotIn() {
        Account me = members.active("me");
        Account owner = members.active("owner");
        Group joined = group(owner, "PUBLIC");
        groupJoining.join(me, joined.slug(), List.of());
        Group closed = group(owner, "PRIVATE");
        Group hidden = group(owner, "HIDDEN");
        List<Group> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(group(owner, "PUBLIC")); // the newest are the most recently active
        }

        String page = signedIn(me).get("/").body();
        String mine = page.substring(page.indexOf("id=\"side-mine-heading\""), page.indexOf("id=\"side-suggested-heading\""));
        String suggested = page.substring(page.indexOf("id=\"side-suggested-heading\""));
        assertThat(mine).contains("/groups/" + joined.slug() + "\"");
        assertThat(suggested).doesNotContain("/groups/" + joined.slug() + "\"").doesNotContain("/groups/" + closed.slug() + "\"")
                .doesNotContain("/groups/" + hidden.slug() + "\"");
        // four suggestions, the most recently active first: the last four public groups made
        for (int i = 4; i >= 1; i--) {
            assertThat(suggested).contains("/groups/" + open.get(i).slug() + "\"");
        }
        assertThat(suggested.indexOf(open.get(4).slug())).isLessThan(suggested.indexOf(open.get(1).slug()));
        assertThat(suggested).doesNotContain("/groups/" + open.get(0).slug() + "\"");
        assertThat(new WebClient(port).get("/").body()).doesNotContain("side-suggested-heading");
    }
}
