package org.tribune.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

@IntegrationTest
class GroupWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    Curation curation;
    @Autowired
    GroupAccess access;
    @Autowired
    TokenService tokens;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    @Test
    void aMemberCreatesAGroupThroughTheForm() {
        Account ana = members.active("ana");
        WebClient browser = signedIn(ana);
        String slug = GroupServiceIntegrationTest.slug("web");

        assertThat(browser.get("/groups/new").status()).isEqualTo(200);
        WebClient.Response bad = browser.post("/groups", "slug", "Bad Slug", "name", "", "language", "en",
                "visibility", "PUBLIC", "joinPolicy", "OPEN");
        assertThat(bad.body()).contains("An address has 3 to 60").contains("Please name the group.");
        WebClient.Response created = browser.post("/groups", "slug", slug, "name", "Rivers & <Lakes>", "description",
                "We map **rivers**.", "language", "en", "visibility", "PRIVATE", "joinPolicy", "REQUEST",
                "question0", "What river do you know best?");

        assertThat(created.location()).isEqualTo("/groups/" + slug);
        WebClient.Response members = browser.get("/groups/" + slug + "/members");
        assertThat(members.body()).contains("Rivers &amp; &lt;Lakes&gt;").contains("<strong>rivers</strong>").contains("Owner");
        assertThat(browser.get("/groups").body()).contains("Your groups").contains("/groups/" + slug);
        // The directory sums the Markdown description up in its words, not its marks.
        assertThat(browser.get("/groups?query=Lakes").body()).contains("<p>We map rivers.</p>").doesNotContain("**rivers**");
    }

    @Test
    void theDirectorysNextPageKeepsASearchWithAnAmpersand() {
        Account ana = members.active("ana");
        String name = "R&D " + Members.uniqueHandle("lab");
        for (int i = 0; i <= GroupService.PAGE_SIZE; i++) {
            groups.create(ana, new GroupForm(GroupServiceIntegrationTest.slug("rd"), name + " " + i, "", "en", "PUBLIC", "OPEN",
                    List.of(), false));
        }
        WebClient visitor = new WebClient(port);

        String first = visitor.get("/groups?query=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).body();
        String next = first.replaceAll("(?s).*<a rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(next).startsWith("/groups?query=R%26D+lab_");

        String second = visitor.get(next).body();
        assertThat(second).contains(name.replace("&", "&amp;")).doesNotContain("No group matches.");
    }

    @Test
    void visitorsReadPublicGroupsButNotPrivateOrHiddenOnes() {
        Account ana = members.active("ana");
        Group open = groups.create(ana, new GroupForm(GroupServiceIntegrationTest.slug("pub"), "Open Maps", "", "en", "PUBLIC", "OPEN", List.of(), false));
        Group closed = groups.create(ana, new GroupForm(GroupServiceIntegrationTest.slug("pri"), "Closed Maps", "", "en", "PRIVATE", "OPEN", List.of(), false));
        Group secret = groups.create(ana, new GroupForm(GroupServiceIntegrationTest.slug("hid"), "Secret Maps", "", "en", "HIDDEN", "OPEN", List.of(), false));
        WebClient visitor = new WebClient(port);

        assertThat(visitor.get("/groups/" + open.slug() + "/members").body()).contains("@" + ana.handle());
        WebClient.Response privatePage = visitor.get("/groups/" + closed.slug() + "/members");
        assertThat(privatePage.status()).isEqualTo(200);
        assertThat(privatePage.body()).contains("Closed Maps").doesNotContain("@" + ana.handle()).contains("noindex");
        assertThat(visitor.get("/groups/" + secret.slug() + "/members").status()).isEqualTo(404);
        assertThat(visitor.get("/groups?query=Maps").body()).contains("Open Maps").contains("Closed Maps").doesNotContain("Secret Maps");
        assertThat(visitor.get("/groups/new").location()).isEqualTo("/login");
    }

    @Test
    void joiningOnRequestGoesThroughTheModerators() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group club = groups.create(ana, new GroupForm(GroupServiceIntegrationTest.slug("req"), "Club", "", "en", "PRIVATE",
                "REQUEST", List.of("Who are you?"), false));
        WebClient bobs = signedIn(bob);

        assertThat(bobs.get("/groups/" + club.slug() + "/join").body()).contains("Who are you?");
        assertThat(bobs.post("/groups/" + club.slug() + "/join", "answer0", "").body()).contains("Please answer this question.");
        bobs.post("/groups/" + club.slug() + "/join", "answer0", "A cartographer");
        assertThat(bobs.get("/groups/" + club.slug() + "/members").body()).contains("waiting for a moderator");
        assertThat(bobs.get("/groups/" + club.slug() + "/requests").status()).isEqualTo(403);

        WebClient anas = signedIn(ana);
        WebClient.Response requests = anas.get("/groups/" + club.slug() + "/requests");
        assertThat(requests.body()).contains("A cartographer").contains("@" + bob.handle());
        long requestId = groupJoining.requests(ana, club.slug()).getFirst().id();
        anas.post("/groups/" + club.slug() + "/requests/" + requestId + "/approve");

        assertThat(access.canRead(club, bob.id())).isTrue();
        assertThat(bobs.get("/groups/" + club.slug() + "/members").body()).contains("@" + ana.handle()).contains("Leave the group");
    }

    @Test
    void onlyModeratorsManageBansAndOnlyOwnersSettings() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group club = groups.create(ana, new GroupForm(GroupServiceIntegrationTest.slug("mod"), "Club", "", "en", "PUBLIC", "OPEN", List.of(), false));
        groupJoining.join(bob, club.slug(), List.of());
        WebClient bobs = signedIn(bob);

        assertThat(bobs.get("/groups/" + club.slug() + "/bans").status()).isEqualTo(403);
        assertThat(bobs.get("/groups/" + club.slug() + "/settings").status()).isEqualTo(403);
        assertThat(bobs.post("/groups/" + club.slug() + "/bans", "handle", ana.handle()).status()).isEqualTo(403);
        assertThat(bobs.post("/groups/" + club.slug() + "/settings", "name", "Mine now", "language", "en",
                "visibility", "PUBLIC", "joinPolicy", "OPEN").status()).isEqualTo(403);

        WebClient anas = signedIn(ana);
        anas.post("/groups/" + club.slug() + "/bans", "handle", "@" + bob.handle(), "reason", "spam");
        assertThat(access.canTakePart(club, members.reload(bob))).isFalse();
        assertThat(anas.get("/groups/" + club.slug() + "/bans").body()).contains("@" + bob.handle()).contains("spam");
        anas.post("/groups/" + club.slug() + "/settings", "name", "Renamed club", "language", "fr", "visibility", "PRIVATE",
                "joinPolicy", "INVITE");
        assertThat(groups.view(club.slug(), ana).group().name()).isEqualTo("Renamed club");
    }

    @Test
    void curatedGroupsAreOfferedNeverImposedAndOnlyAdminsCurate() {
        Account admin = members.admin("adm");
        Group welcome = groups.create(admin, new GroupForm(GroupServiceIntegrationTest.slug("wel"), "Welcome", "", "en",
                "PUBLIC", "OPEN", List.of(), false));
        Account member = members.active("mem");
        WebClient members_ = signedIn(member);
        assertThat(members_.get("/admin/groups").status()).isEqualTo(403);
        assertThat(members_.post("/admin/groups", "slug", welcome.slug(), "curated", "true", "isDefault", "true").status())
                .isEqualTo(403);
        assertThat(curation.suggestedFor(members.active("early"), 500)).extracting(Group::id).doesNotContain(welcome.id());

        WebClient admins = signedIn(admin);
        admins.post("/admin/groups", "slug", welcome.slug(), "curated", "true", "isDefault", "true", "moderatorsOnlyPosting", "true");
        assertThat(admins.get("/admin/groups").body()).contains("Welcome").contains("Offered first");

        Account newcomer = members.active("newc");
        // Offered, never joined without their choice.
        assertThat(access.memberGroupIds(newcomer.id())).doesNotContain(welcome.id());
        assertThat(curation.suggestedFor(newcomer, 500)).extracting(Group::id).contains(welcome.id());
        curation.joinChosen(newcomer, List.of(welcome.slug()));
        Group reloaded = access.group(welcome.id()).orElseThrow();
        assertThat(access.canPost(reloaded, newcomer)).isFalse();
        assertThat(access.canTakePart(reloaded, newcomer)).isTrue();

        admins.post("/admin/groups", "slug", welcome.slug());
        assertThat(curation.suggestedFor(members.active("late"), 500)).extracting(Group::id).doesNotContain(welcome.id());
        assertThat(access.group(welcome.id()).orElseThrow().isDefault()).as("no longer curated, no longer a default").isFalse();
    }

    @Test
    void theApiFollowsTheSameRules() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        String anaToken = tokens.createFor(ana.id(), "test");
        String eveToken = tokens.createFor(eve.id(), "test");
        WebClient api = new WebClient(port);
        String slug = GroupServiceIntegrationTest.slug("api");

        WebClient.Response created = api.postJson("/api/v1/groups", Map.of("slug", slug, "name", "Api group", "description", "",
                "visibility", "HIDDEN", "joinPolicy", "OPEN"), "Authorization", "Bearer " + anaToken);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").isString()).isTrue();
        assertThat(api.get("/api/v1/groups/" + slug, "Authorization", "Bearer " + anaToken).json().get("role").asString()).isEqualTo("OWNER");
        assertThat(api.get("/api/v1/groups/" + slug).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/groups/" + slug, "Authorization", "Bearer " + eveToken).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/groups/" + slug + "/members", Map.of(), "Authorization", "Bearer " + eveToken).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/groups", Map.of("slug", slug, "name", "x"), "Authorization", "Bearer " + eveToken).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/groups", Map.of("slug", "whatever", "name", "x")).status()).isEqualTo(401);

        String open = GroupServiceIntegrationTest.slug("apio");
        api.postJson("/api/v1/groups", Map.of("slug", open, "name", "Open api", "visibility", "PUBLIC", "joinPolicy", "OPEN"),
                "Authorization", "Bearer " + anaToken);
        WebClient.Response joined = api.postJson("/api/v1/groups/" + open + "/members", Map.of(), "Authorization", "Bearer " + eveToken);
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.json().get("status").asString()).isEqualTo("JOINED");
        assertThat(api.get("/api/v1/groups/" + open + "/members").json().get("items")).hasSize(2);
        assertThat(api.get("/api/v1/groups?query=Open%20api").json().get("items").get(0).get("slug").asString()).isEqualTo(open);
        assertThat(api.delete("/api/v1/groups/" + open + "/members/me", "Authorization", "Bearer " + eveToken).status()).isEqualTo(204);
    }
}
