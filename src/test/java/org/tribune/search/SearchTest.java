package org.tribune.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.TestDatabase;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Members;
import org.tribune.account.PrivacySettings;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.InvalidInput;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.wiki.Content;
import org.tribune.wiki.Document;
import org.tribune.wiki.EditMode;
import org.tribune.wiki.WikiService;

import tools.jackson.databind.JsonNode;

/**
 * Search's rules, run as they are on both engines: the H2 run of this class searches with Lucene, the PostgreSQL
 * run with PostgreSQL's full-text search, and both must pass it unchanged. Words are unique per test (the context and
 * database are shared), so each query also carries one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SearchTest {
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
    SearchService search;
    @Autowired
    TokenService tokens;
    @Autowired
    AccountService accounts;
    @Autowired
    WikiService wiki;
    @Autowired
    Reindex reindex;
    @Autowired
    SearchEngine engine;
    @Autowired
    JdbcClient db;

    Account owner;
    Account member;
    Account banned;
    Account outsider;
    Group open;
    Group closed;
    Group hidden;
    Group french;

    @BeforeAll
    void groupsOfEachKind() throws InterruptedException {
        awaitReady(engine);
        owner = members.active("sown");
        member = members.active("smem");
        banned = members.active("sban");
        outsider = members.active("sout");
        open = group("PUBLIC", "Search public", "en");
        closed = group("PRIVATE", "Search private", "en");
        hidden = group("HIDDEN", "Search hidden", "en");
        french = group("PUBLIC", "Recherche en français", "fr");
    }

    /** Lucene on H2; on PostgreSQL, the node's own Lucene index following the log (see PostgresSearchTest for the other). */
    Class<? extends SearchEngine> expectedEngine() {
        return TestDatabase.isPostgres() ? FollowingSearch.class : LuceneSearch.class;
    }

    @Test
    void theEngineIsLuceneOnH2AndTheNodesOwnLuceneIndexOnPostgresql() {
        assertThat(engine).isInstanceOf(expectedEngine());
        if (engine instanceof FollowingSearch following) {
            assertThat(following.ready()).isTrue();
            assertThat(following.name()).startsWith("Lucene");
        }
    }

    @Test
    void aFrenchPostIsFoundByItsAccentFreeSpellingAndOtherFormsOfItsWords() {
        String w = word();
        Post post = publish(member, french, "Les élections à l'école", "Le conseil d'école a voté " + w + " hier soir.");
        assertThat(found("ecole " + w, outsider)).containsExactly(post.id());
        assertThat(found("election " + w, outsider)).containsExactly(post.id());
        assertThat(found("ÉCOLE " + w, outsider)).containsExactly(post.id());
        assertThat(found("Élection " + w, outsider)).containsExactly(post.id());
        assertThat(found("votes " + w, outsider)).containsExactly(post.id());
        assertThat(found("collège " + w, outsider)).isEmpty();
    }

    @Test
    void anEnglishPostIsFoundByOtherFormsOfItsWords() {
        String w = word();
        Post post = publish(member, open, "Running the community garden", "Volunteers planted trees " + w);
        assertThat(found("runs " + w, outsider)).containsExactly(post.id());
        assertThat(found("tree planting " + w, outsider)).containsExactly(post.id());
        assertThat(found("gardens " + w, outsider)).containsExactly(post.id());
    }

    @Test
    void theLanguageOfAPostIsDetectedFromItsWordsElseTheGroups() {
        assertThat(Analysis.detect("Le chat et la souris sont dans le jardin", Language.ENGLISH)).isEqualTo(Language.FRENCH);
        assertThat(Analysis.detect("The cat and the mouse are in the garden", Language.FRENCH)).isEqualTo(Language.ENGLISH);
        assertThat(Analysis.detect("Zq42", Language.FRENCH)).isEqualTo(Language.FRENCH);
        // Letters between digits are not words: a code like this once made an English text French.
        assertThat(Analysis.detect("The volunteers are running the kitchen zq1l2d3s4t5y6a7le8de9en", Language.FRENCH))
                .isEqualTo(Language.ENGLISH);
        String w = word();
        // An English text in a French group is stemmed as English: "running" finds "runs".
        Post post = publish(member, french, "", "The volunteers are running the kitchen " + w);
        assertThat(found("runs " + w, outsider)).containsExactly(post.id());
    }

    @Test
    void aPhraseMatchesItsWordsInOrderOnly() {
        String w = word();
        Post inOrder = publish(member, open, "", "A bright red door " + w);
        publish(member, open, "", "The door is red and bright " + w);
        assertThat(found("\"red door\" " + w, outsider)).containsExactly(inOrder.id());
        assertThat(found("red door " + w, outsider)).hasSize(2);
    }

    @Test
    void operatorsNarrowByGroupAuthorLinkAndDate() {
        String w = word();
        Post inOpen = publish(member, open, "", "Operators " + w);
        Post inFrench = publish(owner, french, "", "Opérateurs " + w + " https://example.org/page");
        Post onProfile = publish(outsider, null, "", "Profile " + w);
        assertThat(found(w, outsider)).containsExactlyInAnyOrder(inOpen.id(), inFrench.id(), onProfile.id());
        assertThat(found(w + " in:" + open.slug(), outsider)).containsExactly(inOpen.id());
        assertThat(found(w + " from:@" + owner.handle(), outsider)).containsExactly(inFrench.id());
        assertThat(found(w + " from:" + outsider.handle(), outsider)).containsExactly(onProfile.id());
        assertThat(found(w + " has:link", outsider)).containsExactly(inFrench.id());
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        assertThat(found(w + " after:" + today, outsider)).hasSize(3);
        assertThat(found(w + " after:" + tomorrow, outsider)).isEmpty();
        assertThat(found(w + " before:" + today, outsider)).isEmpty();
        assertThat(found(w + " before:" + tomorrow, outsider)).hasSize(3);
        // filters alone find too, newest first
        assertThat(found("from:@" + outsider.handle() + " has:link", outsider)).isEmpty();
        // a group the viewer may not see, or someone who does not exist, finds nothing rather than everything
        assertThat(found(w + " in:" + hidden.slug(), outsider)).isEmpty();
        assertThat(found(w + " from:@nobody-" + w, outsider)).isEmpty();
        assertThatThrownBy(() -> search.search(w + " before:yesterday", null, null, false, outsider.id()))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void relevanceRanksTitlesAboveBodiesAndNewerFirstOnATie() {
        String w = word();
        Post inTitle = publish(member, open, "About " + w, "Nothing else here");
        Post inBody = publish(member, open, "Something", "It mentions " + w + " once");
        Post sameAgain = publish(member, open, "Something", "It mentions " + w + " once");
        assertThat(found(w, outsider)).containsExactly(inTitle.id(), sameAgain.id(), inBody.id());
        assertThat(ids(search.search(w, "posts", null, true, outsider.id()))).containsExactly(sameAgain.id(), inBody.id(), inTitle.id());
    }

    @Test
    void relevanceRanksTheNewestMatchesOnlyAndPagesWithinThem() {
        String w = word();
        long oldest = publish(member, open, "All about " + w, "a title match, the most relevant but the oldest").id();
        List<Long> newer = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newer.add(publish(member, open, "", "plain text with " + w + " number " + i).id());
        }
        publish(member, closed, w + " " + w, "members only, never a candidate for an outsider");
        // all four the outsider may find are candidates: the title match comes first
        assertThat(engineFound(w, 4, null, 10)).first().isEqualTo(oldest);
        // the newest three are the candidates: the older title match is not ranked, whatever its relevance
        List<SearchEngine.Hit> window = engine.find(criteria(w, 3), null, 10);
        assertThat(window).extracting(h -> h.key().id()).containsExactlyInAnyOrderElementsOf(newer);
        // pages of the window, with the cursor of the last hit
        List<SearchEngine.Hit> first = engine.find(criteria(w, 3), null, 2);
        SearchEngine.Hit last = first.getLast();
        List<SearchEngine.Hit> second = engine.find(criteria(w, 3), new Cursor(last.score(), last.key().id(), last.time()), 2);
        assertThat(second).hasSize(1);
        List<Long> both = new ArrayList<>(first.stream().map(h -> h.key().id()).toList());
        both.add(second.getFirst().key().id());
        assertThat(both).isEqualTo(window.stream().map(h -> h.key().id()).toList());
        // by recency there is no window: the newest first, then older ones
        assertThat(engine.find(new Criteria(SearchType.POSTS, SearchQuery.parse(w).terms(), Set.of(), Set.of(), null, null,
                false, null, null, true, 3), null, 10)).extracting(h -> h.key().id())
                .containsExactly(newer.get(2), newer.get(1), newer.get(0), oldest);
    }

    @Test
    void peopleAreRankedAmongTheirNewestMatches() {
        StringBuilder letters = new StringBuilder("zq");
        java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        String prefix = letters.toString();
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(members.active(prefix).id());
        }
        Criteria all = new Criteria(SearchType.PEOPLE, SearchQuery.parse(prefix).terms(), Set.of(), Set.of(), null, null,
                false, null, null, false, 10);
        assertThat(engine.find(all, null, 10)).extracting(h -> h.key().id()).containsExactlyInAnyOrderElementsOf(made);
        Criteria two = new Criteria(SearchType.PEOPLE, SearchQuery.parse(prefix).terms(), Set.of(), Set.of(), null, null,
                false, null, null, false, 2);
        assertThat(engine.find(two, null, 10)).extracting(h -> h.key().id())
                .containsExactlyInAnyOrder(made.get(1), made.get(2));
    }

    private Criteria criteria(String q, int window) {
        return new Criteria(SearchType.POSTS, SearchQuery.parse(q).terms(), Set.of(), Set.of(), null, null, false, null,
                null, false, window);
    }

    private List<Long> engineFound(String q, int window, Cursor after, int limit) {
        return engine.find(criteria(q, window), after, limit).stream().map(h -> h.key().id()).toList();
    }

    @Test
    void resultsComeByPagesWithAnOpaqueCursor() {
        String w = word();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < SearchService.PAGE + 5; i++) {
            all.add(publish(member, open, "", w + " number " + i).id());
        }
        for (boolean newest : List.of(false, true)) {
            SearchResults first = search.search(w, null, null, newest, outsider.id());
            assertThat(first.hits()).hasSize(SearchService.PAGE);
            assertThat(first.next()).isNotNull().doesNotContain(Long.toString(all.getLast()));
            SearchResults second = search.search(w, null, first.next(), newest, outsider.id());
            assertThat(second.hits()).hasSize(5);
            assertThat(second.next()).isNull();
            Set<Long> seen = new HashSet<>(ids(first));
            seen.addAll(ids(second));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        }
        assertThatThrownBy(() -> search.search(w, null, "not-a-cursor", false, outsider.id())).isInstanceOf(InvalidInput.class);
    }

    @Test
    void snippetsAreEscapedWithTheMatchedWordsMarked() {
        String w = word();
        publish(member, french, "", "<b>École</b> & " + w + " <script>alert(1)</script>");
        SearchHit hit = search.search("ecole " + w, null, null, false, outsider.id()).hits().getFirst();
        assertThat(hit.snippetHtml()).isEqualTo("&lt;b&gt;<mark>École</mark>&lt;/b&gt; &amp; <mark>" + w
                + "</mark> &lt;script&gt;alert(1)&lt;/script&gt;");
        String long_ = "word ".repeat(200) + "needle " + w + " " + "tail ".repeat(200);
        publish(member, open, "", long_);
        SearchHit cut = search.search("needle " + w, null, null, false, outsider.id()).hits().getFirst();
        assertThat(cut.snippetHtml()).startsWith("… ").endsWith(" …").contains("<mark>needle</mark> <mark>" + w + "</mark>");
        assertThat(cut.snippetHtml().length()).isLessThan(400);
    }

    @Test
    void commentsAreFoundWithTheirPostsRules() {
        String w = word();
        Post post = publish(member, open, "Post", "body");
        Comment comment = posts.comment(owner, post.id(), "A comment about écoles " + w, null);
        Post secret = publish(member, closed, "Secret", "body");
        Comment inside = posts.comment(owner, secret.id(), "Inside " + w, null);
        SearchResults asOutsider = search.search("ecole " + w, null, null, false, outsider.id());
        assertThat(asOutsider.hits()).extracting(SearchHit::type, SearchHit::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("comment", comment.id()));
        assertThat(asOutsider.hits().getFirst().url()).isEqualTo("/p/" + post.id() + "#c" + comment.id());
        assertThat(search.search(w, null, null, false, outsider.id()).hits()).extracting(SearchHit::id).containsExactly(comment.id());
        assertThat(search.search(w, null, null, false, member.id()).hits()).extracting(SearchHit::id)
                .containsExactlyInAnyOrder(comment.id(), inside.id());
        posts.deleteComment(owner, comment.id());
        assertThat(search.search(w, null, null, false, outsider.id()).hits()).isEmpty();
    }

    @Test
    void anEditedCommentIsFoundByItsNewWordsOnly() {
        String before = word();
        String after = word();
        Post post = publish(member, open, "Post", "body");
        Comment comment = posts.comment(owner, post.id(), "First said " + before, null);
        assertThat(search.search(before, null, null, false, outsider.id()).hits()).extracting(SearchHit::id)
                .containsExactly(comment.id());
        posts.editComment(owner, comment.id(), "Then said " + after + " instead");
        assertThat(search.search(before, null, null, false, outsider.id()).hits()).isEmpty();
        SearchResults now = search.search(after, null, null, false, outsider.id());
        assertThat(now.hits()).extracting(SearchHit::type, SearchHit::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("comment", comment.id()));
        assertThat(now.hits().getFirst().snippetHtml()).contains("<mark>" + after + "</mark>").doesNotContain(before);
    }

    @Test
    void postsOfPrivateAndHiddenGroupsAreFoundByCurrentMembersOnly() {
        for (Group group : List.of(closed, hidden)) {
            String secret = word();
            Account leaver = members.active("slv");
            groupMembers.invite(owner, group.slug(), leaver.handle());
            groupJoining.join(leaver, group.slug(), List.of());
            Post post = publish(member, group, "", "Secret " + secret);
            assertThat(found(secret, member)).containsExactly(post.id());
            assertThat(found(secret, owner)).containsExactly(post.id());
            assertThat(found(secret, leaver)).containsExactly(post.id());
            assertThat(found(secret, outsider)).isEmpty();
            assertThat(found(secret, banned)).isEmpty();
            assertThat(found(secret, null)).isEmpty();
            groupJoining.leave(leaver, group.slug());
            assertThat(found(secret, leaver)).isEmpty();
            assertThat(search.search(secret + " in:" + group.slug(), null, null, false, outsider.id()).hits()).isEmpty();
        }
    }

    @Test
    void aGroupThatBecomesPrivateTakesItsPostsOutOfReach() {
        String w = word();
        Group g = group("PUBLIC", "Changing " + w, "en");
        Post post = publish(owner, g, "", "Soon private " + w);
        assertThat(found(w, outsider)).containsExactly(post.id());
        groups.update(owner, g.slug(), new GroupForm(g.slug(), g.name(), "", "en", "PRIVATE", "INVITE", List.of(), false));
        assertThat(found(w, outsider)).isEmpty();
        assertThat(found(w, owner)).containsExactly(post.id());
    }

    @Test
    void pendingRevisionsHiddenAndDeletedPostsAreNeverFound() {
        String accepted = word();
        String pending = word();
        Group review = group("PUBLIC", "Search review", "en");
        wiki.setGroupMode(owner, review.id(), EditMode.REVIEW);
        Account newcomer = members.active("snew");
        groupMembers.invite(owner, review.slug(), newcomer.handle());
        groupJoining.join(newcomer, review.slug(), List.of());
        Post post = publish(newcomer, review, "Draft", "Accepted text " + accepted);
        WikiService.Saved saved = wiki.propose(newcomer, Document.post(post.id()),
                new WikiService.Proposal(new Content("Draft", "Pending text " + pending, null, null), "", null));
        assertThat(saved.live()).isFalse();
        assertThat(found(pending, owner)).isEmpty();
        assertThat(found(pending, newcomer)).isEmpty();
        assertThat(found(accepted, outsider)).containsExactly(post.id());

        String w = word();
        Post hiddenPost = publish(member, open, "", "To be hidden " + w);
        posts.hide(hiddenPost.id());
        assertThat(found(w, outsider)).isEmpty();
        assertThat(found(w, member)).isEmpty();
        assertThat(found(w, owner)).isEmpty();

        String gone = word();
        Post deleted = publish(member, open, "", "To be deleted " + gone);
        posts.delete(member, deleted.id());
        assertThat(found(gone, member)).isEmpty();
        assertThat(db.sql("select count(*) from search_document where post_id = ?").param(deleted.id()).query(Long.class).single()).isZero();
    }

    @Test
    void anEditReplacesTheIndexedText() {
        String before = word();
        String after = word();
        Post post = publish(member, open, "", "Draft " + before);
        posts.applyAcceptedRevision(post.id(), member.id(), new PostService.Text("", "Final " + after, null, null));
        assertThat(found(before, outsider)).isEmpty();
        assertThat(found(after, outsider)).containsExactly(post.id());
    }

    @Test
    void aGroupIsFoundByPartOfItsNameAndByItsDescription() {
        String w = word();
        Group g = groups.create(owner, new GroupForm(slug(), "Jardins partagés " + w, "Des potagers et du compost dans le quartier",
                "fr", "PUBLIC", "OPEN", List.of(), false));
        for (String q : List.of("jardin " + w, "parta " + w, "PARTAGES " + w, w.substring(0, w.length() - 2) + " jard",
                "compost " + w)) {
            assertThat(groupIds(q, outsider)).as(q).containsExactly(g.id());
        }
        SearchHit hit = search.search("parta " + w, "groups", null, false, outsider.id()).hits().getFirst();
        assertThat(hit.titleHtml()).isEqualTo("Jardins <mark>partagés</mark> <mark>" + w + "</mark>");
        assertThat(hit.url()).isEqualTo("/groups/" + g.slug());
        assertThat(groupIds("verger " + w, outsider)).isEmpty();
    }

    @Test
    void hiddenGroupsAreFoundByTheirMembersOnlyAndPrivateOnesByAnyone() {
        String w = word();
        Group secret = group("HIDDEN", "Cercle " + w, "fr");
        Group closedOne = group("PRIVATE", "Club " + w, "fr");
        assertThat(groupIds(w, outsider)).containsExactly(closedOne.id());
        assertThat(groupIds("cercle " + w, outsider)).isEmpty();
        assertThat(groupIds(w, member)).containsExactlyInAnyOrder(secret.id(), closedOne.id());
        WebClient api = new WebClient(port);
        JsonNode asOutsider = api.get("/api/v1/search?type=groups&q=" + w, "Authorization", bearer(outsider)).json();
        assertThat(asOutsider.toString()).doesNotContain("Cercle").doesNotContain(secret.slug());
    }

    @Test
    void aNameIsFoundByTheStartOfItsWordsHoweverLongTheyAre() {
        String w = word();
        Account long_ = members.active("slong");
        String longWord = "Hippopotomonstrosesquippedaliophobia"; // 36 letters: past the starts indexed as words
        accounts.updateProfile(long_.id(), longWord + " " + w, "");
        assertThat(personIds("h " + w, outsider)).containsExactly(long_.id());
        assertThat(personIds("hippo " + w, outsider)).containsExactly(long_.id());
        assertThat(personIds("hippopotomonstros " + w, outsider)).as("17 letters").containsExactly(long_.id());
        assertThat(personIds(longWord.substring(0, 30) + " " + w, outsider)).containsExactly(long_.id());
        assertThat(personIds(longWord + " " + w, outsider)).containsExactly(long_.id());
        assertThat(personIds(longWord + "x " + w, outsider)).isEmpty();
        assertThat(personIds("hippopotomonstrosx " + w, outsider)).isEmpty();
        assertThat(personIds("ippo " + w, outsider)).as("only from a word's start").isEmpty();
    }

    @Test
    void peopleAreFoundByDisplayNameAndHandleUnlessTheyOptedOut() {
        String w = word();
        Account eloise = members.active("seloi");
        accounts.updateProfile(eloise.id(), "Éloïse Martin " + w, "");
        assertThat(personIds("eloise " + w, outsider)).containsExactly(eloise.id());
        assertThat(personIds("Elo " + w, outsider)).containsExactly(eloise.id());
        assertThat(personIds("mart " + w.substring(0, 5), outsider)).contains(eloise.id());
        assertThat(personIds(eloise.handle(), outsider)).containsExactly(eloise.id());
        SearchHit hit = search.search("eloise " + w, "people", null, false, outsider.id()).hits().getFirst();
        assertThat(hit.titleHtml()).isEqualTo("<mark>Éloïse</mark> Martin <mark>" + w + "</mark>");
        assertThat(hit.url()).isEqualTo("/@" + eloise.handle());

        PrivacySettings settings = accounts.privacy(eloise.id());
        accounts.updatePrivacy(eloise.id(), new PrivacySettings(settings.profile(), settings.groups(), settings.follows(),
                settings.mentions(), settings.indexable(), false));
        assertThat(personIds("eloise " + w, outsider)).isEmpty();
        assertThat(personIds(eloise.handle(), member)).isEmpty();
        accounts.updatePrivacy(eloise.id(), settings);
        assertThat(personIds("eloise " + w, outsider)).containsExactly(eloise.id());

        members.suspend(eloise);
        assertThat(personIds("eloise " + w, outsider)).isEmpty();
    }

    @Test
    void findableByNameIsOnByDefaultInTheApiAndTheSettingsPage() {
        Account person = members.active("sfind");
        assertThat(accounts.privacy(person.id()).findable()).isTrue();
        WebClient api = new WebClient(port);
        JsonNode settings = api.get("/api/v1/me/privacy", "Authorization", bearer(person)).json();
        assertThat(settings.get("findableByName").asBoolean()).isTrue();
        java.util.Map<String, Object> change = new java.util.LinkedHashMap<>();
        settings.properties().forEach(e -> change.put(e.getKey(), e.getValue().isBoolean() ? e.getValue().asBoolean() : e.getValue().asText()));
        change.put("findableByName", false);
        WebClient.Response saved = api.sendJson("PUT", "/api/v1/me/privacy", change, "Authorization", bearer(person));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("findableByName").asBoolean()).isFalse();
        assertThat(personIds(person.handle(), outsider)).isEmpty();
        // left out of a change, it stays as it is
        change.remove("findableByName");
        assertThat(api.sendJson("PUT", "/api/v1/me/privacy", change, "Authorization", bearer(person)).json()
                .get("findableByName").asBoolean()).isFalse();

        WebClient browser = new WebClient(port);
        browser.login(person.email(), Members.PASSWORD);
        assertThat(browser.get("/settings/privacy").body()).contains("name=\"findable\"");
        browser.post("/settings/privacy", "profile", "EVERYONE", "groups", "EVERYONE", "follows", "EVERYONE",
                "mentions", "EVERYONE", "findable", "true");
        assertThat(accounts.privacy(person.id()).findable()).isTrue();
        assertThat(personIds(person.handle(), outsider)).containsExactly(person.id());
    }

    @Test
    void queriesAreNeitherStoredNorLogged(CapturedOutput output) {
        String w = "zqsecretquery" + word();
        search.search(w + " ecole", null, null, false, member.id());
        WebClient browser = new WebClient(port);
        browser.login(member.email(), Members.PASSWORD);
        assertThat(browser.get("/search?q=" + w).status()).isEqualTo(200);
        assertThat(browser.get("/search/suggestions?q=" + w).status()).isEqualTo(200);
        assertThat(new WebClient(port).get("/api/v1/search?q=" + w, "Authorization", bearer(member)).status()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain(w);
        List<String> columns = db.sql("select table_name, column_name, data_type from information_schema.columns "
                        + "where lower(table_schema) = 'public'")
                .query((rs, n) -> {
                    String type = rs.getString("data_type").toLowerCase(Locale.ROOT);
                    return type.contains("char") || type.contains("text") || type.contains("clob")
                            ? rs.getString("table_name") + "." + rs.getString("column_name") : null;
                })
                .list().stream().filter(c -> c != null).toList();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            long count = db.sql("select count(*) from " + parts[0] + " where lower(" + parts[1] + ") like ?")
                    .param("%" + w + "%").query(Long.class).single();
            assertThat(count).as(column).isZero();
        }
    }

    @Test
    void theApiSearchesEachTypeWithACursorAndRefusesBadInput() {
        String w = word();
        Post secretPost = publish(member, closed, "", w + " inside");
        Post publicPost = publish(member, open, "", w + " outside");
        WebClient api = new WebClient(port);
        JsonNode asOutsider = api.get("/api/v1/search?q=" + w, "Authorization", bearer(outsider)).json();
        assertThat(apiIds(asOutsider)).containsExactly(Long.toString(publicPost.id()));
        assertThat(asOutsider.get("items").get(0).get("type").asText()).isEqualTo("post");
        assertThat(asOutsider.get("items").get(0).get("snippetHtml").asText()).contains("<mark>" + w + "</mark>");
        assertThat(asOutsider.get("next").isNull()).isTrue();
        JsonNode asMember = api.get("/api/v1/search?sort=newest&type=posts&q=" + w, "Authorization", bearer(member)).json();
        assertThat(apiIds(asMember)).containsExactly(Long.toString(publicPost.id()), Long.toString(secretPost.id()));
        JsonNode people = api.get("/api/v1/search?type=people&q=" + member.handle(), "Authorization", bearer(outsider)).json();
        assertThat(apiIds(people)).containsExactly(Long.toString(member.id()));

        assertThat(api.get("/api/v1/search?q=x").status()).isEqualTo(401);
        for (String bad : List.of("q=" + "x".repeat(201), "q=x&type=things", "q=x&sort=oldest", "q=x&cursor=abc",
                "q=x+before:2026-13-45")) {
            WebClient.Response refused = api.get("/api/v1/search?" + bad, "Authorization", bearer(member));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void theResultsPageHasTabsInEnglishAndFrenchAndTheHeaderABox() {
        String w = word();
        publish(member, open, "Found " + w, "body");
        WebClient browser = new WebClient(port);
        assertThat(browser.get("/search?q=" + w).status()).isEqualTo(302);
        browser.login(outsider.email(), Members.PASSWORD);
        WebClient.Response empty = browser.get("/search");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.h1()).isEqualTo("Search");
        assertThat(empty.body()).contains("id=\"header-q\"").contains("/js/search.js");
        WebClient.Response english = browser.get("/search?q=" + w);
        assertThat(english.body()).contains("Found <mark>" + w + "</mark>").contains("Posts and comments matching “" + w + "”")
                .contains("type=groups").contains("type=people");
        assertThat(browser.get("/search?type=groups&q=" + w).body()).contains("No group you may see matches.");
        browser.post("/settings/language", "locale", "fr", "returnTo", "/search");
        WebClient.Response frenchPage = browser.get("/search?q=" + w);
        assertThat(frenchPage.h1()).isEqualTo("Recherche");
        assertThat(frenchPage.body()).contains("Found <mark>" + w + "</mark>").contains("Personnes");
        assertThat(browser.get("/search?q=" + word()).body()).contains("Aucune publication");
        assertThat(browser.get("/search?q=" + "x".repeat(201)).status()).isEqualTo(400);
        assertThat(browser.get("/search?q=x&type=nope").status()).isEqualTo(400);
    }

    @Test
    void suggestionsOfferPeopleAndGroupsByTheStartOfTheirNames() {
        String w = word();
        Account person = members.active("ssug");
        accounts.updateProfile(person.id(), "Suggested " + w, "");
        Group g = group("PUBLIC", "Suggestions " + w, "en");
        Group secret = group("HIDDEN", "Secret suggestions " + w, "en");
        WebClient browser = new WebClient(port);
        browser.login(outsider.email(), Members.PASSWORD);
        JsonNode items = browser.get("/search/suggestions?q=" + URLEncoder.encode("sugg " + w, StandardCharsets.UTF_8)).json().get("items");
        List<String> urls = StreamSupport.stream(items.spliterator(), false).map(i -> i.get("url").asText()).toList();
        assertThat(urls).containsExactly("/@" + person.handle(), "/groups/" + g.slug());
        assertThat(items.toString()).doesNotContain(secret.slug());
    }

    @Test
    void markupInTheQueryIsShownAsText() {
        WebClient browser = new WebClient(port);
        browser.login(outsider.email(), Members.PASSWORD);
        String body = browser.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").body();
        assertThat(body).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void aRebuildRestoresLostDocumentsAndRemovesStaleOnesWhileSearchAnswers() {
        String w = word();
        Post post = publish(member, open, "", "Rebuilt " + w);
        Group g = group("PUBLIC", "Rebuilt group " + w, "en");
        // lose the documents (as an index from before this feature would lack them) and leave a stale one behind
        db.sql("delete from search_document where id in (?, ?)").params(post.id(), g.id()).update();
        db.sql("insert into search_document (kind, id, post_id, group_id, author_id, restricted, language, has_link, title, "
                + "body, name_words, created_at, generation) values ('post', ?, ?, null, ?, false, 'en', false, '', ?, '', "
                + "current_timestamp, 0)").params(-post.id(), -post.id(), member.id(), "Stale " + w).update();
        engine.written(List.of(new SearchDocument(SearchDocument.Kind.POST, -post.id(), -post.id(), null, member.id(),
                false, Language.ENGLISH, false, "", "Stale " + w, "", java.time.Instant.now(), 0)));
        engine.removed(List.of(new SearchDocument.Key(SearchDocument.Kind.POST, post.id()),
                new SearchDocument.Key(SearchDocument.Kind.GROUP, g.id())));
        assertThat(found(w, outsider)).isEmpty(); // the stale one is not a readable post
        long before = reindex.state().generation();
        reindex.run();
        IndexBuild state = reindex.state();
        assertThat(state.generation()).isGreaterThan(before);
        assertThat(state.built()).isTrue();
        assertThat(state.running()).isFalse();
        // pages are written by several threads (as many as the cores): every document is written again, once
        assertThat(db.sql("select count(*) from search_document where generation <> ?").param(state.generation())
                .query(Long.class).single()).isZero();
        if (engine instanceof FollowingSearch following) {
            // On PostgreSQL the node's index also follows the log: a page of it read just before the rebuild wrote the
            // post still held the deletion above, and its removal may land after the rebuild's write; the next page
            // of the log writes the post again. Apply the log up to now, as the follower does every few moments.
            following.follow();
        }
        assertThat(found(w, outsider)).containsExactly(post.id());
        assertThat(groupIds(w, outsider)).containsExactly(g.id());
        assertThat(db.sql("select count(*) from search_document where id = ?").param(-post.id()).query(Long.class).single()).isZero();
    }

    @Test
    void administratorsRebuildFromTheirPageAndOthersAreRefused() {
        Account admin = members.admin("sadm");
        WebClient browser = new WebClient(port);
        browser.login(admin.email(), Members.PASSWORD);
        WebClient.Response page = browser.get("/admin/search");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Search index");
        assertThat(browser.post("/admin/search/reindex").status()).isEqualTo(302);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> !reindex.state().running());
        assertThat(browser.get("/admin/search").body()).contains("Last rebuild");

        WebClient someone = new WebClient(port);
        someone.login(outsider.email(), Members.PASSWORD);
        assertThat(someone.get("/admin/search").status()).isEqualTo(403);
        assertThat(someone.post("/admin/search/reindex").status()).isEqualTo(403);
    }

    // --- helpers

    private Group group(String visibility, String name, String language) {
        Group group = groups.create(owner, new GroupForm(slug(), name, "", language, visibility, "INVITE", List.of(), false));
        for (Account a : List.of(member, banned)) {
            groupMembers.invite(owner, group.slug(), a.handle());
            groupJoining.join(a, group.slug(), List.of());
        }
        groupMembers.ban(owner, group.slug(), banned.handle(), "");
        return group;
    }

    private static String slug() {
        return ("s-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
    }

    private static String word() {
        return "zq" + Members.uniqueHandle("w").substring(2).toLowerCase().replaceAll("[^a-z0-9]", "");
    }

    private Post publish(Account author, Group group, String title, String body) {
        return posts.publish(author, group == null ? null : group.id(), new PostService.Draft(title, body, null));
    }

    private List<Long> found(String query, Account viewer) {
        return ids(search.search(query, "posts", null, false, viewer == null ? null : viewer.id()));
    }

    private List<Long> groupIds(String query, Account viewer) {
        return ids(search.search(query, "groups", null, false, viewer.id()));
    }

    private List<Long> personIds(String query, Account viewer) {
        return ids(search.search(query, "people", null, false, viewer.id()));
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }

    private String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "s");
    }

    private static List<String> apiIds(JsonNode listing) {
        return StreamSupport.stream(listing.get("items").spliterator(), false).map(i -> i.get("id").asText()).toList();
    }

    /** Waits until the node's own index answers (on PostgreSQL it is built in the background at start). */
    static void awaitReady(SearchEngine engine) throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (engine instanceof FollowingSearch following && !following.ready()) {
            assertThat(System.nanoTime()).as("the node's search index is ready").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
