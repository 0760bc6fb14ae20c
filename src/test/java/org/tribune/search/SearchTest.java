package org.tribune.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupService;
import org.tribune.platform.InvalidInput;
import org.tribune.post.Post;
import org.tribune.post.PostItem;
import org.tribune.post.PostService;

import tools.jackson.databind.JsonNode;

/** Search finds posts by their words, for people allowed to read them, and only their accepted, current text. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    PostService posts;
    @Autowired
    SearchService search;
    @Autowired
    TokenService tokens;
    @Autowired
    SearchEntries entries;
    @Autowired
    org.tribune.account.AccountService accountService;

    Account owner;
    Account member;
    Account banned;
    Account outsider;
    Group open;
    Group closed;
    Group hidden;

    @BeforeAll
    void groupsOfEachKind() {
        owner = members.active("sown");
        member = members.active("smem");
        banned = members.active("sban");
        outsider = members.active("sout");
        open = group("PUBLIC");
        closed = group("PRIVATE");
        hidden = group("HIDDEN");
    }

    private Group group(String visibility) {
        Group group = groups.create(owner, new GroupForm(("s-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-'),
                "Search " + visibility, "", "en", visibility, "INVITE", List.of(), false));
        for (Account a : List.of(member, banned)) {
            groups.invite(owner, group.slug(), a.handle());
            groups.join(a, group.slug(), List.of());
        }
        groups.ban(owner, group.slug(), banned.handle(), "");
        return group;
    }

    private static String word() {
        return "zq" + Members.uniqueHandle("w").substring(2).toLowerCase().replaceAll("[^a-z0-9]", "");
    }

    private List<Long> found(String query, Account viewer) {
        return search.search(query, viewer == null ? null : viewer.id(), null).items().stream()
                .map(PostItem::post).map(Post::id).toList();
    }

    @Test
    void aPublicPostIsFoundByItsWordsInTitleOrBody() {
        String inTitle = word();
        String inBody = word();
        Post post = posts.publish(member, open.id(), new PostService.Draft("About " + inTitle, "Some " + inBody + " text", null));
        assertThat(found(inTitle, outsider)).containsExactly(post.id());
        assertThat(found(inBody, outsider)).containsExactly(post.id());
        assertThat(found(inTitle.toUpperCase(), member)).containsExactly(post.id());
    }

    @Test
    void everyWordMustMatch() {
        String a = word();
        String b = word();
        Post both = posts.publish(member, open.id(), new PostService.Draft("", a + " and " + b, null));
        Post onlyA = posts.publish(member, open.id(), new PostService.Draft("", a + " alone", null));
        assertThat(found(a + " " + b, outsider)).containsExactly(both.id());
        assertThat(found(a, outsider)).containsExactly(onlyA.id(), both.id());
    }

    @Test
    void postsOfPrivateAndHiddenGroupsAreFoundByMembersOnly() {
        for (Group group : List.of(closed, hidden)) {
            String secret = word();
            Post post = posts.publish(member, group.id(), new PostService.Draft("", "Secret " + secret, null));
            assertThat(found(secret, member)).containsExactly(post.id());
            assertThat(found(secret, owner)).containsExactly(post.id());
            assertThat(found(secret, outsider)).isEmpty();
            assertThat(found(secret, banned)).isEmpty();
            assertThat(found(secret, null)).isEmpty();
        }
    }

    @Test
    void anEditReplacesTheIndexedTextAndADeletionRemovesIt() {
        String before = word();
        String after = word();
        Post post = posts.publish(member, open.id(), new PostService.Draft("", "Draft " + before, null));
        posts.applyAcceptedRevision(post.id(), member.id(), new PostService.Text("", "Final " + after, null, null));
        assertThat(found(before, outsider)).isEmpty();
        assertThat(found(after, outsider)).containsExactly(post.id());
        posts.delete(member, post.id());
        assertThat(found(after, outsider)).isEmpty();
    }

    @Test
    void profilePostsAreFoundByAnyone() {
        String w = word();
        Post post = posts.publish(outsider, null, new PostService.Draft("", "On my profile " + w, null));
        assertThat(found(w, member)).containsExactly(post.id());
    }

    @Test
    void resultsComeByPagesNewestFirst() {
        String w = word();
        for (int i = 0; i < SearchService.PAGE + 5; i++) {
            posts.publish(member, open.id(), new PostService.Draft("", w + " number " + i, null));
        }
        SearchResults first = search.search(w, outsider.id(), null);
        assertThat(first.items()).hasSize(SearchService.PAGE);
        assertThat(first.next()).isNotNull();
        SearchResults second = search.search(w, outsider.id(), first.next());
        assertThat(second.items()).hasSize(5);
        assertThat(second.next()).isNull();
        assertThat(first.items().getFirst().post().id()).isGreaterThan(second.items().getFirst().post().id());
    }

    @Test
    void aBlankQueryFindsNothingAndATooLongOneIsRefused() {
        assertThat(search.search("   ", member.id(), null).items()).isEmpty();
        assertThatThrownBy(() -> search.search("x".repeat(201), member.id(), null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theApiReturnsOnlyReadablePostsWithACursor() {
        String secret = word();
        Post hiddenPost = posts.publish(member, closed.id(), new PostService.Draft("", secret + " inside", null));
        Post publicPost = posts.publish(member, open.id(), new PostService.Draft("", secret + " outside", null));
        WebClient api = new WebClient(port);
        JsonNode asOutsider = api.get("/api/v1/search?q=" + secret, "Authorization", "Bearer " + tokens.createFor(outsider.id(), "s")).json();
        assertThat(ids(asOutsider)).containsExactly(Long.toString(publicPost.id()));
        assertThat(asOutsider.get("next").isNull()).isTrue();
        JsonNode asMember = api.get("/api/v1/search?q=" + secret, "Authorization", "Bearer " + tokens.createFor(member.id(), "s")).json();
        assertThat(ids(asMember)).containsExactly(Long.toString(publicPost.id()), Long.toString(hiddenPost.id()));
    }

    @Test
    void theApiRefusesVisitorsAndTooLongQueries() {
        WebClient api = new WebClient(port);
        assertThat(api.get("/api/v1/search?q=x").status()).isEqualTo(401);
        WebClient.Response tooLong = api.get("/api/v1/search?q=" + "x".repeat(201), "Authorization",
                "Bearer " + tokens.createFor(member.id(), "s"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void theSearchPageShowsHitsInEnglishAndFrench() {
        String w = word();
        posts.publish(member, open.id(), new PostService.Draft("Found " + w, "body", null));
        WebClient browser = new WebClient(port);
        assertThat(browser.get("/search?q=" + w).status()).isEqualTo(302);
        browser.login(outsider.email(), Members.PASSWORD);
        WebClient.Response empty = browser.get("/search");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.h1()).isEqualTo("Search posts");
        WebClient.Response english = browser.get("/search?q=" + w);
        assertThat(english.body()).contains("Found " + w).contains("Posts with “" + w + "”");
        browser.post("/settings/language", "locale", "fr", "returnTo", "/search");
        WebClient.Response french = browser.get("/search?q=" + w);
        assertThat(french.h1()).isEqualTo("Rechercher des publications");
        assertThat(french.body()).contains("Found " + w);
        WebClient.Response none = browser.get("/search?q=" + word());
        assertThat(none.body()).contains("Aucune publication");
        assertThat(browser.get("/search?q=" + "x".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void markupInTheQueryIsShownAsText() {
        WebClient browser = new WebClient(port);
        browser.login(outsider.email(), Members.PASSWORD);
        String body = browser.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").body();
        assertThat(body).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void theIndexAnswersForAPersonsDataAndForgetsItWithTheirContent() {
        SearchPersonalData data = new SearchPersonalData(entries, accountService);
        Account author = members.active("spd");
        String w = word();
        Post post = posts.publish(author, null, new PostService.Draft("", "Mine " + w, null));
        assertThat(data.counts(author.id())).containsEntry("search-index", 1L);
        java.util.Map<String, List<? extends java.util.Map<String, ?>>> exported = new java.util.HashMap<>();
        data.export(author.id(), new org.tribune.platform.personaldata.ExportWriter() {
            @Override
            public void records(String category, List<? extends java.util.Map<String, ?>> records) {
                exported.put(category, records);
            }

            @Override
            public void media(String path, byte[] content) {
            }
        });
        assertThat(exported.get("search-index")).hasSize(1);
        assertThat(exported.get("search-index").getFirst().get("postId")).isEqualTo(Long.toString(post.id()));
        data.erase(author.id(), new org.tribune.platform.personaldata.Erasure(false));
        assertThat(found(w, outsider)).containsExactly(post.id());
        data.erase(author.id(), new org.tribune.platform.personaldata.Erasure(true));
        assertThat(found(w, outsider)).isEmpty();
        assertThat(data.counts(author.id())).containsEntry("search-index", 0L);
    }

    private static List<String> ids(JsonNode listing) {
        return StreamSupport.stream(listing.get("items").spliterator(), false).map(i -> i.get("id").asText()).toList();
    }
}
