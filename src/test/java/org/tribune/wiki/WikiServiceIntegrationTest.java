package org.tribune.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tribune.wiki.WikiFixture.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Role;
import org.tribune.group.Group;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.post.Post;
import org.tribune.post.PostEvents;
import org.tribune.post.PostReads;
import org.tribune.post.PostService;
import org.tribune.trust.TrustLevel;

@IntegrationTest
@Import({WikiFixture.class, WikiServiceIntegrationTest.Recorder.class})
class WikiServiceIntegrationTest {
    @Autowired
    WikiFixture world;
    @Autowired
    WikiService wiki;
    @Autowired
    PostService posts;
    @Autowired
    PostReads reads;
    @Autowired
    Recorder recorder;

    @TestConfiguration
    static class Recorder {
        final List<PostEvents.PostEdited> edits = Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(PostEvents.PostEdited e) {
            edits.add(e);
        }
    }

    @Test
    void aPostWithoutRevisionsGetsItsFirstFromItsTextByItsAuthorAtItsCreation() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Post post = world.post(ana, null, "Old title", "Old body");
        WikiService.History history = wiki.history(Document.post(post.id()), null, 0);
        assertThat(history.entries()).singleElement().satisfies(e -> {
            assertThat(e.revision().seq()).isEqualTo(1);
            assertThat(e.revision().editorId()).isEqualTo(ana.id());
            assertThat(e.revision().createdAt()).isEqualTo(posts.read(post.id(), null).createdAt());
            assertThat(e.revision().change()).isEqualTo(Change.CREATE);
            assertThat(e.revision().content().title()).isEqualTo("Old title");
            assertThat(e.current()).isTrue();
        });
        // Asking again does not make a second one.
        assertThat(wiki.history(Document.post(post.id()), null, 0).entries()).hasSize(1);
    }

    @Test
    void aMemberOfLevelTwoFixesAnothersHeadlineLiveWithASummaryAndThePostSaysSo() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account bob = world.person("bob", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob);
        Post post = world.post(ana, g, "Vaccines cause 5G", "The article says nothing of the sort.");
        long base = world.head(post, bob);

        assertThatThrownBy(() -> wiki.propose(bob, Document.post(post.id()), edit("Study finds no link", post.body(), "", base)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().code()).isEqualTo("wiki.summary-required"));
        WikiService.Saved saved = wiki.propose(bob, Document.post(post.id()), edit("Study finds no link", post.body(), "Headline matched the source", base));

        assertThat(saved.live()).isTrue();
        assertThat(posts.read(post.id(), null).title()).isEqualTo("Study finds no link");
        assertThat(recorder.edits).contains(new PostEvents.PostEdited(post.id(), bob.id()));
        assertThat(wiki.editorCount(Document.post(post.id()))).isEqualTo(1);
        assertThat(saved.revision().baseId()).isEqualTo(base);
        assertThat(saved.revision().summary()).isEqualTo("Headline matched the source");
    }

    @Test
    void newcomersEditOnlyTheirOwnPostsAndLevelOneWaitsForLevelTwoInOpenGroups() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account newcomer = world.person("new", TrustLevel.NEW);
        Account basic = world.person("basic", TrustLevel.BASIC);
        Account outsider = world.person("out", TrustLevel.LEADER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, newcomer, basic);
        Post anas = world.post(ana, g, "Ana's", "text");
        Post own = world.post(newcomer, g, "Mine", "my text");

        assertRefused(newcomer, anas, "wiki.newcomers-own-posts-only");
        assertRefused(basic, anas, "wiki.level-to-edit");
        assertRefused(outsider, anas, "wiki.members-only");
        assertThat(wiki.propose(newcomer, Document.post(own.id()), edit("Mine", "my better text", "", null)).live()).isTrue();
        assertThat(posts.read(anas.id(), null).body()).isEqualTo("text");
    }

    @Test
    void inAReviewGroupEditsBelowLevelThreeWaitAndNeverReachTheReadersUntilAccepted() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account newcomer = world.person("new", TrustLevel.NEW);
        Account basic = world.person("basic", TrustLevel.BASIC);
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account visitorLike = world.person("vis", TrustLevel.REGULAR);
        Group g = world.group(ana, "PUBLIC", EditMode.REVIEW);
        world.join(g, newcomer, basic, regular);
        Post own = world.post(newcomer, g, "First try", "typo here");
        Post anas = world.post(ana, g, "Ana's", "ana text");

        WikiService.Saved pending = wiki.propose(newcomer, Document.post(own.id()), edit("First try", "no typo here", "", null));
        WikiService.Saved other = wiki.propose(basic, Document.post(anas.id()), edit("Ana's", "spam spam", "improve", null));
        assertThat(pending.live()).isFalse();
        assertThat(other.live()).isFalse();
        assertThat(posts.read(own.id(), null).body()).isEqualTo("typo here");
        assertThat(reads.byIds(List.of(own.id()), null).getFirst().post().body()).isEqualTo("typo here");
        assertThat(recorder.edits).noneMatch(e -> e.postId() == own.id());

        // Pending revisions are on the history for members, marked; not for others.
        assertThat(wiki.history(Document.post(own.id()), basic, 0).entries()).extracting(WikiService.Entry::status)
                .containsExactly(Revision.Status.PENDING, Revision.Status.ACCEPTED);
        assertThat(wiki.history(Document.post(own.id()), null, 0).entries()).hasSize(1);
        assertThat(wiki.history(Document.post(own.id()), visitorLike, 0).entries()).hasSize(1);

        // Members below level 3 do not review; a level 3 member accepts, and it goes live.
        assertThatThrownBy(() -> wiki.accept(basic, Document.post(own.id()), pending.revision().id())).isInstanceOf(Forbidden.class);
        assertThat(wiki.reviewQueue(regular, g.id(), 0)).extracting(q -> q.revision().id())
                .contains(pending.revision().id(), other.revision().id());
        assertThat(wiki.reviewQueue(basic, g.id(), 0)).isEmpty();
        wiki.accept(regular, Document.post(own.id()), pending.revision().id());
        wiki.reject(regular, Document.post(anas.id()), other.revision().id());
        assertThat(posts.read(own.id(), null).body()).isEqualTo("no typo here");
        assertThat(posts.read(anas.id(), null).body()).isEqualTo("ana text");
        assertThat(recorder.edits).contains(new PostEvents.PostEdited(own.id(), newcomer.id()));
        assertThatThrownBy(() -> wiki.accept(regular, Document.post(anas.id()), other.revision().id())).isInstanceOf(Conflict.class);

        // A regular's own edits skip the queue.
        assertThat(wiki.propose(regular, Document.post(anas.id()), edit("Ana's", "ana text, sourced", "source", null)).live()).isTrue();
    }

    @Test
    void acceptingAnEditMadeOnAnOlderVersionIsRefusedRatherThanOverwriting() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account basic = world.person("basic", TrustLevel.BASIC);
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Group g = world.group(ana, "PUBLIC", EditMode.REVIEW);
        world.join(g, basic, regular);
        Post post = world.post(ana, g, "T", "one two three");
        WikiService.Saved pending = wiki.propose(basic, Document.post(post.id()), edit("T", "one 2 three", "digits", null));
        wiki.propose(regular, Document.post(post.id()), edit("T", "one two three four", "more", null));
        assertThatThrownBy(() -> wiki.accept(regular, Document.post(post.id()), pending.revision().id()))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("wiki.review-stale"));
    }

    @Test
    void lockedPostsAreEditedOnlyByTheirAuthorAndModeratorsWhateverTheirLevel() {
        Account ana = world.person("ana", TrustLevel.NEW);
        Account mod = world.person("mod", TrustLevel.NEW);
        Account leader = world.person("lead", TrustLevel.LEADER);
        Account siteModerator = world.members.withRole("smod", Role.MODERATOR);
        Group g = world.group(ana, "PUBLIC", EditMode.LOCKED);
        world.join(g, mod, leader);
        world.groupMembers.setRole(ana, g.slug(), mod.handle(), "MODERATOR");
        Post post = world.post(ana, g, "Locked", "as is");

        assertRefused(leader, post, "wiki.locked");
        assertThat(wiki.propose(ana, Document.post(post.id()), edit("Locked", "by the author", "", null)).live()).isTrue();
        assertThat(wiki.propose(mod, Document.post(post.id()), edit("Locked", "by the group moderator", "moderation", null)).live()).isTrue();
        assertThat(wiki.propose(siteModerator, Document.post(post.id()), edit("Locked", "by a site moderator", "moderation", null)).live()).isTrue();
    }

    @Test
    void moderatorsOverrideOnePostsModeAndOnlyModeratorsSetModes() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account bob = world.person("bob", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob);
        Post post = world.post(ana, g, "T", "body");

        assertThatThrownBy(() -> wiki.setMode(bob, Document.post(post.id()), EditMode.OPEN)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> wiki.setGroupMode(bob, g.id(), EditMode.LOCKED)).isInstanceOf(Forbidden.class);
        wiki.setMode(ana, Document.post(post.id()), EditMode.LOCKED);
        assertRefused(bob, post, "wiki.locked");
        wiki.setMode(ana, Document.post(post.id()), null);
        assertThat(wiki.propose(bob, Document.post(post.id()), edit("T", "body!", "punctuation", null)).live()).isTrue();
    }

    @Test
    void aStaleBaseMergesChangesToOtherFieldsAndShowsBothWhenTheSameFieldChanged() {
        Account ana = world.person("ana", TrustLevel.MEMBER);
        Account bob = world.person("bob", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob);
        Post post = world.post(ana, g, "Title", "Body");
        long base = world.head(post, ana);

        wiki.propose(ana, Document.post(post.id()), edit("Better title", "Body", "", base));
        WikiService.Saved merged = wiki.propose(bob, Document.post(post.id()), edit("Title", "Better body", "body", base));
        assertThat(posts.read(post.id(), null)).satisfies(p -> {
            assertThat(p.title()).isEqualTo("Better title");
            assertThat(p.body()).isEqualTo("Better body");
        });
        assertThat(merged.revision().baseId()).isNotEqualTo(base);

        assertThatThrownBy(() -> wiki.propose(bob, Document.post(post.id()), edit("Bob's title", "Better body", "mine", base)))
                .isInstanceOfSatisfying(EditConflict.class, e -> {
                    assertThat(e.current().content().title()).isEqualTo("Better title");
                    assertThat(e.mine().title()).isEqualTo("Bob's title");
                    assertThat(e.base().title()).isEqualTo("Title");
                });
        assertThat(posts.read(post.id(), null).title()).isEqualTo("Better title");
    }

    @Test
    void aRevertIsANewRevisionAndTheFourthIn24HoursIsRefused() {
        Account ana = world.person("ana", TrustLevel.MEMBER);
        Account bob = world.person("bob", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob);
        Post post = world.post(ana, g, "T", "v1");
        long first = world.head(post, ana);
        for (int i = 0; i < 3; i++) {
            wiki.propose(bob, Document.post(post.id()), edit("T", "bob " + i, "mine", null));
            WikiService.Saved reverted = wiki.revert(ana, Document.post(post.id()), first, "");
            assertThat(reverted.revision().change()).isEqualTo(Change.REVERT);
            assertThat(reverted.revision().restoresId()).isEqualTo(first);
            assertThat(posts.read(post.id(), null).body()).isEqualTo("v1");
        }
        wiki.propose(bob, Document.post(post.id()), edit("T", "bob again", "mine", null));
        assertThatThrownBy(() -> wiki.revert(ana, Document.post(post.id()), first, ""))
                .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.code()).isEqualTo("wiki.three-reverts"));
        assertThat(posts.read(post.id(), null).body()).isEqualTo("bob again");
        // Nothing was lost: every version is in the history.
        assertThat(wiki.history(Document.post(post.id()), null, 0).entries()).hasSize(8);
    }

    @Test
    void onlyAcceptedRevisionsCanBeRestored() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account basic = world.person("basic", TrustLevel.BASIC);
        Group g = world.group(ana, "PUBLIC", EditMode.REVIEW);
        world.join(g, basic);
        Post post = world.post(ana, g, "T", "v1");
        WikiService.Saved pending = wiki.propose(basic, Document.post(post.id()), edit("T", "spam", "x", null));
        assertThatThrownBy(() -> wiki.revert(ana, Document.post(post.id()), pending.revision().id(), ""))
                .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.code()).isEqualTo("wiki.revert-unaccepted"));
    }

    @Test
    void rollbackUndoesAllOfOneEditorsLatestConsecutiveEditsAtOnce() {
        Account ana = world.person("ana", TrustLevel.MEMBER);
        Account bob = world.person("bob", TrustLevel.MEMBER);
        Account vandal = world.person("vandal", TrustLevel.MEMBER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob, vandal);
        Post post = world.post(ana, g, "T", "good");
        wiki.propose(bob, Document.post(post.id()), edit("T", "better", "improve", null));
        for (int i = 0; i < 3; i++) {
            wiki.propose(vandal, Document.post(post.id()), edit("T", "BUY PILLS " + i, "fix", null));
        }
        WikiService.Saved rolledBack = wiki.rollback(ana, Document.post(post.id()), vandal.id());
        assertThat(rolledBack.revision().change()).isEqualTo(Change.ROLLBACK);
        assertThat(posts.read(post.id(), null).body()).isEqualTo("better");
        assertThatThrownBy(() -> wiki.rollback(ana, Document.post(post.id()), vandal.id())).isInstanceOf(Conflict.class);
    }

    @Test
    void dailyEditsScaleWithTrustLevel() {
        Account basic = world.person("basic", TrustLevel.BASIC);
        Account member = world.person("member", TrustLevel.MEMBER);
        Post basics = world.post(basic, null, "T", "edit 0");
        Post members = world.post(member, null, "T", "edit 0");
        for (int i = 1; i <= 30; i++) {
            wiki.propose(basic, Document.post(basics.id()), edit("T", "edit " + i, "", null));
        }
        assertThatThrownBy(() -> wiki.propose(basic, Document.post(basics.id()), edit("T", "one more", "", null)))
                .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.code()).isEqualTo("wiki.daily-limit"));
        for (int i = 1; i <= 45; i++) {
            wiki.propose(member, Document.post(members.id()), edit("T", "edit " + i, "", null));
        }
        assertThatThrownBy(() -> wiki.propose(member, Document.post(members.id()), edit("T", "one more", "", null)))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aPrivateGroupsRevisionsAreAsPrivateAsItsPosts() {
        Account ana = world.person("ana", TrustLevel.REGULAR);
        Account outsider = world.person("out", TrustLevel.LEADER);
        Group g = world.group(ana, "PRIVATE", EditMode.OPEN);
        Post post = world.post(ana, g, "Secret", "secret body");
        Document ref = Document.post(post.id());
        long head = world.head(post, ana);
        for (Account who : new Account[] {outsider, null}) {
            assertThatThrownBy(() -> wiki.history(ref, who, 0)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> wiki.revision(ref, head, who)).isInstanceOf(NotFound.class);
        }
        assertThatThrownBy(() -> wiki.propose(outsider, ref, edit("x", "y", "z", null))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> wiki.revert(outsider, ref, head, "")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> wiki.history(Document.groupPage(g.id()), outsider, 0)).isInstanceOf(NotFound.class);
    }

    @Test
    void aGroupsWikiPageHasRevisionsLikeAPost() {
        Account owner = world.person("own", TrustLevel.NEW);
        Account member = world.person("mem", TrustLevel.MEMBER);
        Account newcomer = world.person("new", TrustLevel.NEW);
        Group g = world.group(owner, "PUBLIC", EditMode.OPEN);
        world.join(g, member, newcomer);
        Document page = Document.groupPage(g.id());

        assertThat(wiki.history(page, null, 0).entries()).isEmpty();
        wiki.propose(owner, page, new WikiService.Proposal(Content.ofBody("# Rules\n\nBe kind."), "", null));
        wiki.propose(member, page, new WikiService.Proposal(Content.ofBody("# Rules\n\nBe kind. Cite sources."), "", null));
        assertThatThrownBy(() -> wiki.propose(newcomer, page, new WikiService.Proposal(Content.ofBody("mine"), "", null)))
                .isInstanceOf(Forbidden.class);
        assertThat(wiki.document(page, null).current().body()).isEqualTo("# Rules\n\nBe kind. Cite sources.");
        assertThat(wiki.history(page, null, 0).entries()).extracting(e -> e.revision().seq()).containsExactly(2, 1);
    }

    @Test
    void onlyTheAuthorOrAModeratorChangesAPostsLink() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account bob = world.person("bob", TrustLevel.LEADER);
        Group g = world.group(ana, "PUBLIC", EditMode.OPEN);
        world.join(g, bob);
        Post post = world.posts.publish(ana, g.id(), new PostService.Draft("T", "b", "https://example.org/a"));
        assertThatThrownBy(() -> wiki.propose(bob, Document.post(post.id()),
                new WikiService.Proposal(new Content("T", "b", "https://spam.example/", null), "better", null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().code()).isEqualTo("wiki.link-owners-only"));
        wiki.propose(bob, Document.post(post.id()),
                new WikiService.Proposal(new Content("T", "b", "https://example.org/a", "The study is about mice."), "summary", null));
        assertThat(posts.read(post.id(), null).linkSummary()).isEqualTo("The study is about mice.");
    }

    private void assertRefused(Account who, Post post, String code) {
        assertThatThrownBy(() -> wiki.propose(who, Document.post(post.id()), edit("Changed", "changed", "why", null)))
                .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
