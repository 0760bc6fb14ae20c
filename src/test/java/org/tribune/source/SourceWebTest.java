package org.tribune.source;

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
import org.tribune.account.Role;
import org.tribune.group.Group;
import org.tribune.post.Post;
import org.tribune.trust.TrustLevel;

@IntegrationTest
@Import(SourceFixture.class)
class SourceWebTest {
    @LocalServerPort
    int port;
    @Autowired
    SourceFixture world;
    @Autowired
    SourcePages pages;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    static String base(WebClient.Response form) {
        Matcher m = Pattern.compile("name=\"baseRevisionId\" value=\"(\\d+)\"").matcher(form.body());
        return m.find() ? m.group(1) : "";
    }

    @Test
    void aDomainHasAPageBeforeAnyoneLabelsItAndGarbageIsRefusedClearly() {
        String domain = SourceFixture.domain("page");
        WebClient visitor = new WebClient(port);

        WebClient.Response page = visitor.get("/sources/" + domain);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo(domain);
        assertThat(page.body()).contains("nobody has labelled this site yet").contains("Locked")
                .doesNotContain("/sources/" + domain + "/edit\"").doesNotContain("/sources/" + domain + "/history\"");
        assertThat(visitor.get("/sources/www." + domain.toUpperCase()).location()).isEqualTo("/sources/" + domain);
        assertThat(visitor.get("/sources?domain=https://news." + domain + "/a/story").location()).isEqualTo("/sources/" + domain);

        for (String bad : new String[] {"not_a_domain", "localhost", "co.uk", "127.0.0.1"}) {
            WebClient.Response refused = visitor.get("/sources/" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("This is not the domain of a web site");
        }
        assertThat(visitor.get("/sources/" + domain + "/history").status()).isEqualTo(404);
        assertThat(pages.byDomain(domain)).as("reading makes no page").isEmpty();
    }

    @Test
    void aRegularLabelsADomainThroughTheFormAndReadersSeeItsPageHistoryAndDiff() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        String domain = SourceFixture.domain("onion");
        WebClient regulars = signedIn(regular);

        assertThat(regulars.get("/sources/" + domain).body()).contains("href=\"/sources/" + domain + "/edit\"");
        WebClient.Response form = regulars.get("/sources/" + domain + "/edit");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<option value=\"satire\"", "Known for fabrication", "Peer-reviewed");

        WebClient.Response unknown = regulars.post("/sources/" + domain + "/edit", "label", "fake-news", "justification", "x",
                "sources", "https://example.org");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("Choose one of the labels in the list");
        WebClient.Response noSource = regulars.post("/sources/" + domain + "/edit", "label", "satire", "justification", "x",
                "sources", "");
        assertThat(noSource.body()).contains("Give at least one source");

        WebClient.Response saved = regulars.post("/sources/" + domain + "/edit", "label", "satire", "justification",
                "Its <about> page says: we are satire.", "sources", "https://" + domain + "/about\n\nhttps://example.org/review",
                "summary", "first label");
        assertThat(saved.location()).isEqualTo("/sources/" + domain);

        WebClient visitor = new WebClient(port);
        String page = visitor.get("/sources/" + domain).body();
        assertThat(page).contains("source-label-satire", ">Satire<", "Its &lt;about&gt; page says: we are satire.",
                "href=\"https://" + domain + "/about\"", "href=\"https://example.org/review\"",
                "href=\"/sources/" + domain + "/history\"", "href=\"/sources/" + domain + "/talk\"")
                .doesNotContain("<about>");
        assertThat(new WebClient(port).header("Accept-Language", "fr").get("/sources/" + domain).body()).contains(">Satire<");
        String directory = visitor.get("/sources").body();
        assertThat(directory).contains("href=\"/sources/" + domain + "\"");

        String history = visitor.get("/sources/" + domain + "/history").body();
        assertThat(history).contains("Revision 1", "@" + regular.handle(), "first label").doesNotContain("Revert to");
        WebClient.Response second = regulars.post("/sources/" + domain + "/edit", "label", "known-for-fabrication",
                "justification", "Invents quotes.", "sources", "https://example.org/factcheck", "summary", "worse than satire",
                "baseRevisionId", base(regulars.get("/sources/" + domain + "/edit")));
        assertThat(second.location()).isEqualTo("/sources/" + domain);
        long to = pages.byDomain(domain).map(p -> world.sources.view(domain, null).revisionId()).orElseThrow();
        String diff = visitor.get("/sources/" + domain + "/diff?to=" + to).body();
        assertThat(diff).contains("<h3>Label", "<del>satire</del>", "<ins>known-for-fabrication</ins>", "Justification", "Sources");
        assertThat(new WebClient(port).header("Accept-Language", "fr").get("/sources/" + domain + "/diff?to=" + to).body())
                .contains("Étiquette");
    }

    @Test
    void visitorsBelowLevelMembersAndWaitingAccountsCannotChangeALabel() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        String domain = SourceFixture.domain("refuse");
        world.label(regular, domain, "satire");
        String fresh = SourceFixture.domain("refuse-new");

        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/sources/" + domain + "/edit").location()).isEqualTo("/login");
        assertThat(visitor.post("/sources/" + domain + "/edit", "label", "", "justification", "", "sources", "").location())
                .isEqualTo("/login");
        assertThat(visitor.post("/sources/" + domain + "/mode", "mode", "OPEN").location()).isEqualTo("/login");

        for (TrustLevel level : new TrustLevel[] {TrustLevel.NEW, TrustLevel.BASIC, TrustLevel.MEMBER}) {
            WebClient member = signedIn(world.person("lvl", level));
            String page = member.get("/sources/" + domain).body();
            assertThat(page).as(level.name()).doesNotContain("/sources/" + domain + "/edit\"")
                    .contains("only members of trust level 3 and up and the moderators edit it");
            assertThat(member.get("/sources/" + domain + "/edit").status()).as(level.name()).isEqualTo(403);
            WebClient.Response refused = member.post("/sources/" + domain + "/edit", "label", "", "justification", "", "sources", "");
            assertThat(refused.status()).as(level.name()).isEqualTo(403);
            assertThat(refused.body()).contains("only members of trust level 3 and up and the moderators edit it");
            assertThat(member.post("/sources/" + fresh + "/edit", "label", "satire", "justification", "x", "sources",
                    "https://example.org").status()).as(level.name()).isEqualTo(403);
            assertThat(member.post("/sources/" + domain + "/mode", "mode", "OPEN").status()).as(level.name()).isEqualTo(403);
            assertThat(member.post("/sources/" + fresh + "/mode", "mode", "OPEN").status()).as(level.name()).isEqualTo(404);
        }
        WebClient waiting = signedIn(world.members.waiting("wait"));
        assertThat(waiting.get("/sources/" + domain + "/edit").status()).isEqualTo(403);
        assertThat(waiting.post("/sources/" + domain + "/edit", "label", "", "justification", "", "sources", "").status())
                .isEqualTo(403);
        // A regular labels, but the mode is the moderators'.
        assertThat(signedIn(regular).post("/sources/" + domain + "/mode", "mode", "OPEN").status()).isEqualTo(403);

        assertThat(world.sources.view(domain, null).labelling().label()).isEqualTo("satire");
        assertThat(pages.byDomain(fresh)).isEmpty();
    }

    @Test
    void aModeratorOpensADomainUpAndMembersThenEditIt() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account moderator = world.members.withRole("mod", Role.MODERATOR);
        String domain = SourceFixture.domain("opened");
        world.label(regular, domain, "satire");
        WebClient moderators = signedIn(moderator);

        assertThat(moderators.get("/sources/" + domain + "/history").body()).contains("Who may edit this site’s label");
        assertThat(moderators.post("/sources/" + domain + "/mode", "mode", "OPEN").location()).isEqualTo("/sources/" + domain + "/history");
        assertThat(moderators.post("/sources/" + domain + "/mode", "mode", "NONSENSE").status()).isEqualTo(400);
        WebClient member = signedIn(world.person("mem", TrustLevel.MEMBER));
        assertThat(member.get("/sources/" + domain).body()).contains("Open editing");
        assertThat(member.post("/sources/" + domain + "/edit", "label", "user-generated", "justification", "Anyone posts there.",
                "sources", "https://example.org/terms").location()).isEqualTo("/sources/" + domain);
        assertThat(world.sources.view(domain, null).labelling().label()).isEqualTo("user-generated");
    }

    @Test
    void theLabelShowsOnEveryPreviewOfItsDomainWithALinkToItsPage() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account ana = world.person("ana", TrustLevel.BASIC);
        String domain = SourceFixture.domain("shown");
        world.label(regular, domain, "satire");
        Group group = world.group(ana);
        Post post = world.postLinking(ana, group, "https://www." + domain + "/story", "Area man wins");
        Post onProfile = world.postLinking(ana, null, "https://" + domain + "/other", "Another story");
        Post share = world.posts.share(ana, post.id(), null, "");
        String badge = "href=\"/sources/" + domain + "\"";

        WebClient visitor = new WebClient(port);
        for (String path : new String[] {"/p/" + post.id(), "/groups/" + group.slug(), "/@" + ana.handle(), "/p/" + onProfile.id(),
                "/p/" + share.id()}) {
            String html = visitor.get(path).body();
            assertThat(html).as(path).contains(badge).contains("source-label-satire");
        }
        String feed = signedIn(ana).get("/").body();
        assertThat(feed).contains("Area man wins").contains(badge);
        assertThat(new WebClient(port).header("Accept-Language", "fr").get("/p/" + post.id()).body()).contains(">Satire<");
    }

    @Test
    void underReviewAMembersEditWaitsInTheReviewQueueWhereARegularAcceptsIt() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account moderator = world.members.withRole("mod", Role.MODERATOR);
        String domain = SourceFixture.domain("queued");
        world.label(regular, domain, "satire");
        assertThat(signedIn(moderator).post("/sources/" + domain + "/mode", "mode", "REVIEW").status()).isEqualTo(302);

        WebClient member = signedIn(world.person("mem", TrustLevel.MEMBER));
        WebClient.Response form = member.get("/sources/" + domain + "/edit");
        assertThat(form.body()).contains("Edits to this label are reviewed");
        assertThat(member.post("/sources/" + domain + "/edit", "label", "press-release", "justification", "QUEUEDTEXT",
                "sources", "https://example.org/pr", "baseRevisionId", base(form)).location()).isEqualTo("/sources/" + domain + "/history");
        assertThat(new WebClient(port).get("/sources/" + domain).body()).doesNotContain("QUEUEDTEXT").contains(">Satire<");

        WebClient regulars = signedIn(regular);
        String queue = regulars.get("/review").body();
        assertThat(queue).contains("href=\"/sources/" + domain + "\"", "QUEUEDTEXT", "action=\"/sources/" + domain + "/revisions/");
        Matcher accept = Pattern.compile("action=\"(/sources/" + Pattern.quote(domain) + "/revisions/\\d+/accept)\"").matcher(queue);
        assertThat(accept.find()).isTrue();
        assertThat(member.post(accept.group(1), "returnTo", "/review").status()).isEqualTo(403);
        assertThat(regulars.post(accept.group(1), "returnTo", "/review").location()).isEqualTo("/review");
        assertThat(new WebClient(port).get("/sources/" + domain).body()).contains("QUEUEDTEXT", "Press release");
    }

    @Test
    void aStaleEditShowsWhatChangedMeanwhileAndKeepsTheDraft() {
        Account first = world.person("one", TrustLevel.REGULAR);
        Account second = world.person("two", TrustLevel.REGULAR);
        String domain = SourceFixture.domain("stale");
        world.label(first, domain, "satire");
        WebClient ones = signedIn(first);
        WebClient twos = signedIn(second);
        String staleBase = base(ones.get("/sources/" + domain + "/edit"));
        assertThat(twos.post("/sources/" + domain + "/edit", "label", "known-for-fabrication", "justification", "Invents.",
                "sources", "https://example.org/a", "baseRevisionId", base(twos.get("/sources/" + domain + "/edit"))).status())
                .isEqualTo(302);

        WebClient.Response conflict = ones.post("/sources/" + domain + "/edit", "label", "peer-reviewed", "justification", "MYDRAFT",
                "sources", "https://example.org/b", "baseRevisionId", staleBase);
        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.body()).contains("Someone else edited this meanwhile", "known-for-fabrication", "MYDRAFT")
                .doesNotContain("name=\"baseRevisionId\" value=\"" + staleBase + "\"");
        assertThat(world.sources.view(domain, null).labelling().label()).isEqualTo("known-for-fabrication");
    }

    @Test
    void aDomainsTalkPageOpensForMembersAndVisitorsReadItOnceItExists() {
        String domain = SourceFixture.domain("talk");
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/sources/" + domain + "/talk").status()).isEqualTo(404);
        WebClient member = signedIn(world.person("mem", TrustLevel.BASIC));
        assertThat(member.get("/sources/" + domain).body()).contains("href=\"/sources/" + domain + "/talk\"");
        WebClient.Response talk = member.get("/sources/" + domain + "/talk");
        assertThat(talk.status()).isEqualTo(200);
        assertThat(talk.body()).contains("Discuss the label of this site and its evidence here");
        assertThat(member.post("/sources/" + domain + "/talk", "body", "Is this site *satire*?").location())
                .startsWith("/sources/" + domain + "/talk#t");
        assertThat(visitor.get("/sources/" + domain + "/talk").body()).contains("Is this site <em>satire</em>?");
        assertThat(signedIn(world.members.waiting("wait")).post("/sources/" + domain + "/talk", "body", "hello").status())
                .isEqualTo(403);
    }
}
