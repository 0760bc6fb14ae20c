package org.tribune.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.moderation.ContentWarnings;
import org.tribune.platform.Forbidden;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * A post's content warning is part of its history: each change, by its author or by a moderator, is a revision by
 * whoever made it, shown in the history and the diffs; edits and reverts of the text keep the warning it has.
 */
@IntegrationTest
class WarningRevisionsTest {
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
    org.tribune.post.PostWarnings warnings;
    @Autowired
    ContentWarnings moderatorWarnings;
    @Autowired
    WikiService wiki;

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    private List<Revision> history(Post post, Account viewer) {
        return wiki.history(Document.post(post.id()), viewer, 0).entries().stream().map(WikiService.Entry::revision).toList();
    }

    @Test
    void aWarningChangedByItsAuthorOrAModeratorIsARevisionByThemNobodyElseMakesOne() {
        Account owner = members.active("own");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        String slug = ("wr-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        Group group = groups.create(owner, new GroupForm(slug, "Series", "", "en", "PUBLIC", "OPEN", List.of(), false));
        groupJoining.join(ana, slug, List.of());
        groupJoining.join(bob, slug, List.of());
        Post post = posts.publish(ana, group.id(), new PostService.Draft("The finale", "Everybody dies", null));

        warnings.changeWarning(ana, post.id(), "spoilers");
        moderatorWarnings.warn(owner, post.id(), "spoilers for the finale");
        assertThatThrownBy(() -> warnings.changeWarning(bob, post.id(), "nothing to see")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> moderatorWarnings.warn(bob, post.id(), "mine")).isInstanceOf(Forbidden.class);
        warnings.changeWarning(ana, post.id(), "spoilers for the finale"); // no change, no revision

        List<Revision> revisions = history(post, bob);
        assertThat(revisions).extracting(Revision::seq).containsExactly(3, 2, 1);
        assertThat(revisions).extracting(Revision::editorId).containsExactly(owner.id(), ana.id(), ana.id());
        assertThat(revisions).extracting(r -> r.content().contentWarning())
                .containsExactly("spoilers for the finale", "spoilers", null);
        assertThat(revisions).extracting(r -> r.content().body()).containsOnly("Everybody dies");

        // The diff names the field and both sides, and the history page who made the change.
        String diff = signedIn(bob).get("/p/" + post.id() + "/diff?to=" + revisions.getFirst().id()).body();
        assertThat(diff).contains("Content warning").contains("spoilers<ins> for the finale</ins>").contains("@" + owner.handle());
        assertThat(new WebClient(port).get("/p/" + post.id() + "/history").body()).contains("@" + owner.handle());
    }

    @Test
    void editsAndRevertsOfTheTextKeepTheWarningThePostHas() {
        Account ana = members.active("ana");
        Post post = posts.publish(ana, null, new PostService.Draft("The finale", "Everybody dies", null));
        warnings.changeWarning(ana, post.id(), "spoilers");

        WikiService.Saved edited = wiki.propose(ana, Document.post(post.id()), new WikiService.Proposal(
                new Content("The finale", "Everybody lives", null, null), "", null));
        assertThat(edited.live()).isTrue();
        assertThat(edited.revision().content().contentWarning()).isEqualTo("spoilers");
        assertThat(posts.read(post.id(), ana.id()).contentWarning()).isEqualTo("spoilers");

        Revision first = history(post, ana).getLast();
        assertThat(first.content().contentWarning()).as("as first written").isNull();
        WikiService.Saved reverted = wiki.revert(ana, Document.post(post.id()), first.id(), "");
        assertThat(reverted.revision().content().body()).isEqualTo("Everybody dies");
        assertThat(reverted.revision().content().contentWarning()).isEqualTo("spoilers");
        Post now = posts.read(post.id(), ana.id());
        assertThat(now.body()).isEqualTo("Everybody dies");
        assertThat(now.contentWarning()).isEqualTo("spoilers");
    }
}
