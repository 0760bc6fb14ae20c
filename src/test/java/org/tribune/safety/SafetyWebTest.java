package org.tribune.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.follow.FollowService;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/** The pages: the profile menu, the settings lists with undo, folded comments, warnings and filters. */
@IntegrationTest
class SafetyWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    SafetyService safety;
    @Autowired
    PostService posts;
    @Autowired
    FollowService follows;
    @Autowired
    WordFilters filters;
    @Autowired
    org.tribune.group.GroupService groups;
    @Autowired
    org.tribune.group.GroupJoining groupJoining;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    @Test
    void theProfileMenuMutesAndBlocksAndTheSettingsListsUndoThem() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        WebClient anas = signedIn(ana);

        assertThat(anas.get("/@" + bob.handle()).body()).contains("action=\"/@" + bob.handle() + "/mute\"")
                .contains("action=\"/@" + bob.handle() + "/block\"").contains("<details class=\"profile-menu\">");
        WebClient.Response muted = anas.post("/@" + bob.handle() + "/mute", "days", "7");
        assertThat(muted.status()).isEqualTo(302);
        assertThat(muted.location()).isEqualTo("/@" + bob.handle());
        assertThat(safety.hasMuted(ana.id(), bob.id())).isTrue();
        assertThat(anas.get("/@" + bob.handle()).body()).contains("action=\"/@" + bob.handle() + "/unmute\"");

        assertThat(anas.post("/@" + bob.handle() + "/block").status()).isEqualTo(302);
        String settings = anas.get("/settings/safety").body();
        assertThat(settings).contains("People you blocked").contains("@" + bob.handle())
                .contains("action=\"/@" + bob.handle() + "/unblock\"").contains("action=\"/@" + bob.handle() + "/unmute\"");
        assertThat(anas.get("/@" + bob.handle()).body()).contains("You blocked this person")
                .doesNotContain("action=\"/@" + bob.handle() + "/follow\"");

        WebClient.Response undone = anas.post("/@" + bob.handle() + "/unblock", "back", "settings");
        assertThat(undone.location()).isEqualTo("/settings/safety");
        assertThat(anas.post("/@" + bob.handle() + "/unmute", "back", "settings").location()).isEqualTo("/settings/safety");
        assertThat(safety.blocks(ana.id())).isEmpty();
        assertThat(safety.mutes(ana.id())).isEmpty();
        // Nobody else's settings page lists ana's blocks.
        assertThat(anas.postWithoutCsrf("/@" + bob.handle() + "/block").status()).isEqualTo(403);
        assertThat(new WebClient(port).post("/@" + bob.handle() + "/block").location()).isEqualTo("/login");
    }

    @Test
    void theBlockedPersonSeesTheSamePageAsForSomeoneWhoDoesNotExist() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post anas = posts.publish(ana, null, new PostService.Draft("", "Ana only", null));
        safety.block(ana, bob.handle());
        WebClient bobs = signedIn(bob);

        WebClient.Response profile = bobs.get("/@" + ana.handle());
        WebClient.Response nobody = bobs.get("/@nobody" + System.nanoTime());
        assertThat(profile.status()).isEqualTo(404).isEqualTo(nobody.status());
        assertThat(profile.h1()).isEqualTo(nobody.h1());
        assertThat(profile.body()).doesNotContain("Ana only").doesNotContainIgnoringCase("block");
        WebClient.Response post = bobs.get("/p/" + anas.id());
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.h1()).isEqualTo(bobs.get("/p/1").h1());
        assertThat(bobs.get("/@" + ana.handle() + "/followers").status()).isEqualTo(404);
        assertThat(bobs.post("/@" + ana.handle() + "/follow").status()).isEqualTo(404);
    }

    @Test
    void aMutedPersonsCommentIsFoldedInTheThread() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account carol = members.active("carol");
        Post post = posts.publish(bob, null, new PostService.Draft("", "Bob asks", null));
        posts.comment(carol, post.id(), "Carol answers loudly", null);
        safety.mute(ana, carol.handle(), null);

        String page = signedIn(ana).get("/p/" + post.id()).body();
        assertThat(page).contains("<details class=\"muted-comment\"><summary>1 comment from someone you muted — show</summary>")
                .contains("Carol answers loudly");
        assertThat(signedIn(bob).get("/p/" + post.id()).body()).doesNotContain("muted-comment").contains("Carol answers loudly");
    }

    @Test
    void aContentWarningFoldsTheBodyUnlessTheReaderAlwaysOpensThem() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        WebClient anas = signedIn(ana);
        WebClient.Response published = anas.post("/posts", "body", "The butler did it", "contentWarning", "spoilers", "returnTo", "/");
        assertThat(published.status()).isEqualTo(302);
        String path = published.location();

        WebClient bobs = signedIn(bob);
        String folded = bobs.get(path).body();
        assertThat(folded).contains("<details class=\"content-warning\"><summary>Content warning: spoilers</summary>")
                .contains("<div class=\"cw-fold\">");
        assertThat(folded.indexOf("The butler did it")).isGreaterThan(folded.indexOf("Content warning: spoilers"));

        assertThat(bobs.post("/settings/safety/reach", "openWarnings", "true").status()).isEqualTo(302);
        assertThat(safety.reach(bob.id()).openWarnings()).isTrue();
        assertThat(bobs.get(path).body()).contains("<details class=\"content-warning\" open><summary>Content warning: spoilers</summary>");
        assertThat(anas.post("/posts", "body", "x", "contentWarning", "w".repeat(201), "returnTo", "/").location()).isEqualTo("/");
    }

    @Test
    void aWordFilterFoldsAPostOnTheHomePageBehindAWarningNamingIt() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        follows.follow(ana, bob.handle());
        posts.publish(bob, null, new PostService.Draft("", "Tonight the season finale airs", null));
        WebClient anas = signedIn(ana);

        WebClient.Response added = anas.post("/settings/safety/filters", "phrase", "Finale", "contexts", "HOME", "action", "WARN", "days", "0");
        assertThat(added.location()).isEqualTo("/settings/safety");
        assertThat(anas.get("/settings/safety").body()).contains("<strong>Finale</strong>");

        String home = anas.get("/").body();
        assertThat(home).contains("<details class=\"filtered-entry\"><summary>Filtered: “Finale” — show</summary>")
                .contains("Tonight the season finale airs");

        long id = filters.of(ana.id()).getFirst().id();
        assertThat(signedIn(bob).post("/settings/safety/filters/" + id + "/delete").status()).isEqualTo(404);
        assertThat(anas.post("/settings/safety/filters/" + id + "/delete").location()).isEqualTo("/settings/safety");
        assertThat(anas.get("/").body()).doesNotContain("filtered-entry").contains("Tonight the season finale airs");
        assertThat(anas.post("/settings/safety/filters", "phrase", "", "contexts", "HOME").location()).isEqualTo("/settings/safety");
        assertThat(filters.of(ana.id())).isEmpty();
    }

    @Test
    void aGroupModeratorPutsAWarningOnAPostAndTheLogSaysSo() {
        Account owner = members.active("own");
        Account member = members.active("mem");
        String slug = ("w-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        var group = groups.create(owner, new org.tribune.group.GroupForm(slug, "Warnings " + slug, "", "en", "PUBLIC", "OPEN",
                java.util.List.of(), false));
        groupJoining.join(member, group.slug(), java.util.List.of());
        Post post = posts.publish(member, group.id(), new PostService.Draft("", "A graphic description", null));

        WebClient members_ = signedIn(member);
        assertThat(members_.get("/p/" + post.id()).body()).doesNotContain("action=\"/p/" + post.id() + "/warning\"");
        assertThat(members_.post("/p/" + post.id() + "/warning", "contentWarning", "mine").status()).isEqualTo(403);

        WebClient owners = signedIn(owner);
        assertThat(owners.get("/p/" + post.id()).body()).contains("action=\"/p/" + post.id() + "/warning\"");
        assertThat(owners.post("/p/" + post.id() + "/warning", "contentWarning", "graphic injury").location())
                .isEqualTo("/p/" + post.id());
        assertThat(posts.read(post.id(), member.id()).contentWarning()).isEqualTo("graphic injury");
        assertThat(new WebClient(port).get("/p/" + post.id()).body()).contains("Content warning: graphic injury");
        assertThat(new WebClient(port).get("/moderation/log").body()).contains("Content warning added");
    }
}
