package org.tribune.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.post.Post;
import org.tribune.trust.TrustLevel;

@IntegrationTest
@Import(WikiFixture.class)
class WikiWebTest {
    @LocalServerPort
    int port;
    @Autowired
    WikiFixture world;
    @Autowired
    WikiService wiki;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    static String base(WebClient.Response editPage) {
        Matcher m = Pattern.compile("name=\"baseRevisionId\" value=\"(\\d+)\"").matcher(editPage.body());
        assertThat(m.find()).as("base revision in the form").isTrue();
        return m.group(1);
    }

    @Test
    void aMemberFixesAHeadlineThroughTheFormAndReadersSeeWhoChangedWhat() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account bob = world.person("bob", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob);
        Post post = world.post(ana, g, "Miracle <cure> found", "Read the study.");
        WebClient bobs = signedIn(bob);

        assertThat(bobs.get("/p/" + post.id()).body()).contains("href=\"/p/" + post.id() + "/edit\"");
        WebClient.Response form = bobs.get("/p/" + post.id() + "/edit");
        assertThat(form.status()).isEqualTo(200);
        WebClient.Response missingSummary = bobs.post("/p/" + post.id() + "/edit", "title", "Small study of 12 mice", "body",
                "Read the study.", "summary", "", "baseRevisionId", base(form));
        assertThat(missingSummary.status()).isEqualTo(200);
        assertThat(missingSummary.body()).contains("Say in a few words what you changed");
        WebClient.Response saved = bobs.post("/p/" + post.id() + "/edit", "title", "Small study of 12 mice", "body",
                "Read the study.", "summary", "The headline overstated the study", "baseRevisionId", base(form));
        assertThat(saved.location()).isEqualTo("/p/" + post.id());

        WebClient reader = new WebClient(port);
        String permalink = reader.get("/p/" + post.id()).body();
        assertThat(permalink).contains("Small study of 12 mice").contains("edited by 1 person").doesNotContain("Miracle");
        String history = reader.get("/p/" + post.id() + "/history").body();
        assertThat(history).contains("Revision 2", "Revision 1", "@" + bob.handle(), "The headline overstated the study")
                .doesNotContain("Revert to revision"); // a visitor gets no buttons
        long to = world.head(post, null);
        String diff = reader.get("/p/" + post.id() + "/diff?to=" + to).body();
        assertThat(diff).contains("<del>Miracle &lt;cure&gt; found</del>").contains("<ins>Small study of 12 mice</ins>")
                .doesNotContain("<cure>");
    }

    @Test
    void editsWithoutTheRightAreRefusedWhateverTheMode() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account newcomer = world.person("new", TrustLevel.NEW);
        Account basic = world.person("basic", TrustLevel.BASIC);
        Account leader = world.person("lead", TrustLevel.LEADER);
        Group open = world.group(ana, "PUBLIC", EditMode.OPEN);
        Group locked = world.group(ana, "PUBLIC", EditMode.LOCKED);
        world.join(open, newcomer, basic);
        world.join(locked, leader);
        Post openPost = world.post(ana, open, "T", "b");
        Post lockedPost = world.post(ana, locked, "T", "b");

        WebClient newcomers = signedIn(newcomer);
        assertThat(newcomers.get("/p/" + openPost.id()).body()).doesNotContain("/p/" + openPost.id() + "/edit\"");
        assertThat(newcomers.get("/p/" + openPost.id() + "/edit").status()).isEqualTo(403);
        WebClient.Response refused = newcomers.post("/p/" + openPost.id() + "/edit", "title", "x", "body", "x", "summary", "x");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Newcomers edit only their own posts");
        assertThat(signedIn(basic).post("/p/" + openPost.id() + "/edit", "title", "x", "body", "x", "summary", "x").status()).isEqualTo(403);
        assertThat(signedIn(leader).post("/p/" + lockedPost.id() + "/edit", "title", "x", "body", "x", "summary", "x").body())
                .contains("only its author and the moderators edit it");
        assertThat(new WebClient(port).post("/p/" + openPost.id() + "/edit", "body", "x").location()).isEqualTo("/login");
        assertThat(world.posts.read(openPost.id(), null).body()).isEqualTo("b");
        assertThat(world.posts.read(lockedPost.id(), null).body()).isEqualTo("b");

        // Modes are the moderators': a member cannot change them.
        assertThat(signedIn(basic).post("/p/" + openPost.id() + "/mode", "mode", "OPEN").status()).isEqualTo(403);
        assertThat(signedIn(basic).post("/groups/" + open.slug() + "/wiki/mode", "mode", "OPEN").status()).isEqualTo(403);
        assertThat(signedIn(ana).post("/groups/" + open.slug() + "/wiki/mode", "mode", "REVIEW").location())
                .isEqualTo("/groups/" + open.slug() + "/wiki/history");
        assertThat(wiki.groupMode(open.id())).isEqualTo(EditMode.REVIEW);
        assertThat(signedIn(ana).post("/groups/" + open.slug() + "/wiki/mode", "mode", "NONSENSE").status()).isEqualTo(400);
    }

    @Test
    void pendingEditsStayOffThePostAndTheFeedsAndAreMarkedOnTheHistoryForMembersOnly() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account newcomer = world.person("new", TrustLevel.NEW);
        Account basic = world.person("basic", TrustLevel.BASIC);
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Group g = world.group(ana, "PUBLIC", EditMode.REVIEW);
        world.join(g, newcomer, basic, regular);
        Post post = world.post(newcomer, g, "My first post", "with a typo");
        WebClient newcomers = signedIn(newcomer);
        WebClient.Response form = newcomers.get("/p/" + post.id() + "/edit");
        assertThat(form.body()).contains("yours will wait");
        WebClient.Response saved = newcomers.post("/p/" + post.id() + "/edit", "title", "My first post", "body",
                "PENDINGTEXT fixed", "summary", "", "baseRevisionId", base(form));
        assertThat(saved.location()).isEqualTo("/p/" + post.id() + "/history");

        WebClient visitor = new WebClient(port);
        WebClient members = signedIn(basic);
        for (WebClient who : new WebClient[] {visitor, members, newcomers}) {
            assertThat(who.get("/p/" + post.id()).body()).doesNotContain("PENDINGTEXT");
            assertThat(who.get("/groups/" + g.slug()).body()).doesNotContain("PENDINGTEXT");
        }
        assertThat(newcomers.get("/").body()).doesNotContain("PENDINGTEXT");
        assertThat(visitor.get("/p/" + post.id() + "/history").body()).doesNotContain("pending review");
        assertThat(members.get("/p/" + post.id() + "/history").body()).contains("pending review").doesNotContain(">Accept<");
        assertThat(members.post("/p/" + post.id() + "/revisions/" + pendingId(post, basic) + "/accept").status()).isEqualTo(403);

        WebClient regulars = signedIn(regular);
        assertThat(regulars.get("/review").body()).contains("My first post", "PENDINGTEXT");
        assertThat(regulars.get("/groups/" + g.slug() + "/review").body()).contains("PENDINGTEXT");
        assertThat(members.get("/review").body()).doesNotContain("PENDINGTEXT");
        assertThat(regulars.post("/p/" + post.id() + "/revisions/" + pendingId(post, basic) + "/accept", "returnTo", "/review").location())
                .isEqualTo("/review");
        assertThat(visitor.get("/p/" + post.id()).body()).contains("PENDINGTEXT fixed");
    }

    private long pendingId(Post post, Account member) {
        return wiki.history(Document.post(post.id()), member, 0).entries().stream()
                .filter(e -> e.status() == Revision.Status.PENDING).findFirst().orElseThrow().revision().id();
    }

    @Test
    void savingOnAStaleBaseShowsBothChangesAndOverwritesNothing() {
        Account ana = world.person("ana", TrustLevel.MEMBER);
        Account bob = world.person("bob", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob);
        Post post = world.post(ana, g, "Title", "The river is 10 km long.");
        WebClient anas = signedIn(ana);
        WebClient bobs = signedIn(bob);
        String base = base(anas.get("/p/" + post.id() + "/edit"));
        assertThat(base(bobs.get("/p/" + post.id() + "/edit"))).isEqualTo(base);

        anas.post("/p/" + post.id() + "/edit", "title", "Title", "body", "The river is 12 km long.", "summary", "", "baseRevisionId", base);
        WebClient.Response conflict = bobs.post("/p/" + post.id() + "/edit", "title", "Title", "body", "The river is 11 km long.",
                "summary", "measured", "baseRevisionId", base);
        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.body()).contains("Someone else edited this meanwhile", "<ins>12</ins>", "<ins>11</ins>",
                "Drop my changes");
        assertThat(world.posts.read(post.id(), null).body()).isEqualTo("The river is 12 km long.");
        String newBase = base(conflict);
        assertThat(newBase).isNotEqualTo(base);
        assertThat(bobs.post("/p/" + post.id() + "/edit", "title", "Title", "body", "The river is 11 or 12 km long.",
                "summary", "merged", "baseRevisionId", newBase).location()).isEqualTo("/p/" + post.id());
        assertThat(world.posts.read(post.id(), null).body()).isEqualTo("The river is 11 or 12 km long.");
    }

    @Test
    void revertRollbackAndTheFourthRevertOverTheForms() {
        Account ana = world.person("ana", TrustLevel.MEMBER);
        Account vandal = world.person("vandal", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, vandal);
        Post post = world.post(ana, g, "T", "good");
        long first = world.head(post, ana);
        WebClient anas = signedIn(ana);
        for (int i = 0; i < 2; i++) {
            wiki.propose(vandal, Document.post(post.id()), WikiFixture.edit("T", "spam " + i, "x", null));
        }
        assertThat(anas.get("/p/" + post.id() + "/history").body()).contains("Roll back all the latest edits by @" + vandal.handle());
        assertThat(anas.post("/p/" + post.id() + "/rollback", "editor", Long.toString(vandal.id())).location())
                .isEqualTo("/p/" + post.id() + "/history");
        assertThat(world.posts.read(post.id(), null).body()).isEqualTo("good");
        assertThat(anas.get("/p/" + post.id() + "/history").body()).contains("Rolled back to revision 1.");
        for (int i = 0; i < 2; i++) {
            wiki.propose(vandal, Document.post(post.id()), WikiFixture.edit("T", "again " + i, "x", null));
            assertThat(anas.post("/p/" + post.id() + "/revisions/" + first + "/revert").location()).endsWith("/history");
        }
        wiki.propose(vandal, Document.post(post.id()), WikiFixture.edit("T", "fourth", "x", null));
        WebClient.Response fourth = anas.post("/p/" + post.id() + "/revisions/" + first + "/revert");
        assertThat(fourth.status()).isEqualTo(403);
        assertThat(fourth.body()).contains("You already reverted this 3 times in the last 24 hours");
        assertThat(signedIn(world.person("new", TrustLevel.NEW)).post("/p/" + post.id() + "/revisions/" + first + "/revert").status())
                .isEqualTo(403);
    }

    @Test
    void aPrivateGroupsHistoryDiffsTalkAndWikiAnswerNotFoundToOutsiders() {
        Account ana = world.person("ana", TrustLevel.REGULAR);
        Account outsider = world.person("out", TrustLevel.LEADER);
        Group g = world.group(ana, "PRIVATE", EditMode.OPEN);
        Post post = world.post(ana, g, "Secret title", "secret body");
        wiki.propose(ana, Document.groupPage(g.id()), new WikiService.Proposal(Content.ofBody("Secret rules"), "", null));
        long head = world.head(post, ana);
        WebClient outsiders = signedIn(outsider);
        for (WebClient who : new WebClient[] {outsiders, new WebClient(port)}) {
            for (String path : new String[] {"/p/" + post.id() + "/history", "/p/" + post.id() + "/diff?to=" + head,
                    "/p/" + post.id() + "/talk", "/groups/" + g.slug() + "/wiki", "/groups/" + g.slug() + "/wiki/history",
                    "/groups/" + g.slug() + "/wiki/talk"}) {
                WebClient.Response page = who.get(path);
                assertThat(page.status()).as(path).isEqualTo(404);
                assertThat(page.body()).doesNotContain("Secret");
            }
        }
        assertThat(outsiders.post("/p/" + post.id() + "/edit", "title", "x", "body", "x", "summary", "x").status()).isEqualTo(404);
        assertThat(outsiders.post("/p/" + post.id() + "/talk", "body", "hello").status()).isEqualTo(404);
        assertThat(outsiders.post("/p/" + post.id() + "/revisions/" + head + "/revert").status()).isEqualTo(404);
        assertThat(outsiders.get("/groups/" + g.slug() + "/review").body()).doesNotContain("Secret");
    }

    @Test
    void aGroupsWikiPageIsWrittenReadAndDiscussed() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account outsider = world.person("out", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        WebClient anas = signedIn(ana);
        assertThat(anas.get("/groups/" + g.slug()).body()).contains("href=\"/groups/" + g.slug() + "/wiki\"");
        assertThat(anas.get("/groups/" + g.slug() + "/wiki").body()).contains("Nothing here yet");
        anas.get("/groups/" + g.slug() + "/wiki/edit");
        assertThat(anas.post("/groups/" + g.slug() + "/wiki/edit", "body", "## Rules\n\n1. Be kind <script>x</script>").location())
                .isEqualTo("/groups/" + g.slug() + "/wiki");
        String page = new WebClient(port).get("/groups/" + g.slug() + "/wiki").body();
        assertThat(page).contains("<h2>Rules</h2>").doesNotContain("<script>x");
        assertThat(anas.post("/groups/" + g.slug() + "/wiki/talk", "body", "Shall we add a FAQ?").location())
                .startsWith("/groups/" + g.slug() + "/wiki/talk#t");
        assertThat(new WebClient(port).get("/groups/" + g.slug() + "/wiki/talk").body()).contains("Shall we add a FAQ?");
        WebClient outsiders = signedIn(outsider);
        assertThat(outsiders.post("/groups/" + g.slug() + "/wiki/talk", "body", "not a member").status()).isEqualTo(403);
        assertThat(outsiders.post("/groups/" + g.slug() + "/wiki/edit", "body", "not a member").status()).isEqualTo(403);
        assertThat(anas.post("/groups/" + g.slug() + "/wiki/talk", "body", "").status()).isEqualTo(200);
    }

    @Test
    void onlyRegularsAndModeratorsMovePostsAndOnlyBetweenGroupsOfTheSameVisibility() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account member = world.person("mem", TrustLevel.MEMBER);
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Group from = world.group(ana, "PUBLIC", EditMode.OPEN);
        Group to = world.group(ana, "PUBLIC", EditMode.OPEN);
        Group closed = world.group(ana, "PRIVATE", EditMode.OPEN);
        world.join(from, member, regular);
        world.join(to, member, regular);
        world.join(closed, regular);
        Post post = world.post(ana, from, "Off topic", "b");

        WebClient members = signedIn(member);
        assertThat(members.get("/p/" + post.id() + "/history").body()).doesNotContain("Move to another group");
        WebClient.Response refused = members.post("/p/" + post.id() + "/move", "group", Long.toString(to.id()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Moving posts needs trust level 3");

        WebClient regulars = signedIn(regular);
        assertThat(regulars.get("/p/" + post.id() + "/history").body()).contains("Move to another group")
                .contains("value=\"" + to.id() + "\"").doesNotContain("value=\"" + closed.id() + "\"");
        assertThat(regulars.post("/p/" + post.id() + "/move", "group", Long.toString(closed.id())).body())
                .contains("same visibility");
        assertThat(regulars.post("/p/" + post.id() + "/move").status()).isEqualTo(400);
        assertThat(regulars.post("/p/" + post.id() + "/move", "group", Long.toString(to.id()), "summary", "Belongs there").location())
                .isEqualTo("/p/" + post.id());
        assertThat(world.posts.read(post.id(), null).groupId()).isEqualTo(to.id());
        assertThat(new WebClient(port).get("/p/" + post.id() + "/history").body()).contains("Moves", "Belongs there");
    }
}
