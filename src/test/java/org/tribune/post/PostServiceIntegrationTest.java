package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;

@IntegrationTest
@Import(PostServiceIntegrationTest.Recorder.class)
class PostServiceIntegrationTest {
    @Autowired
    PostService posts;
    @Autowired
    PostReads reads;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    Members members;
    @Autowired
    Recorder recorder;

    /** Keeps the post events published during the tests. */
    @TestConfiguration
    static class Recorder {
        final List<Object> events = java.util.Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(PostEvents.PostPublished e) {
            events.add(e);
        }

        @EventListener
        void on(PostEvents.CommentAdded e) {
            events.add(e);
        }

        @EventListener
        void on(PostEvents.PostLiked e) {
            events.add(e);
        }
    }

    static String slug() {
        return ("p-" + Members.uniqueHandle("x").substring(2)).toLowerCase().replace('_', '-');
    }

    Group group(Account owner, String visibility) {
        return groups.create(owner, new GroupForm(slug(), "Posts " + visibility, "", "en", visibility, "OPEN", List.of(), false));
    }

    static PostService.Draft draft(String body) {
        return new PostService.Draft("", body, null);
    }

    @Test
    void membersPublishInTheirGroupAndMentionsAreLinked() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group g = group(ana, "PUBLIC");

        Post post = posts.publish(ana, g.id(), new PostService.Draft("Rivers", "Hello @" + bob.handle() + " and @nobody_here, **bold**", "https://example.org/a"));

        // the sanitiser writes @ as &#64;, which browsers read back as @
        assertThat(post.bodyHtml()).contains("<a href=\"/&#64;" + bob.handle() + "\"").contains("&#64;nobody_here").contains("<strong>bold</strong>");
        assertThat(post.linkUrl()).isEqualTo("https://example.org/a");
        assertThat(recorder.events).contains(new PostEvents.PostPublished(post.id(), g.id(), ana.id(), Set.of(bob.id())));
        assertThat(posts.read(post.id(), null).title()).isEqualTo("Rivers");
    }

    @Test
    void nonMembersCannotPostAndModeratorsOnlyGroupsRefuseMembers() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group g = group(ana, "PUBLIC");
        assertThatThrownBy(() -> posts.publish(bob, g.id(), draft("hi"))).isInstanceOf(Forbidden.class);
        Group news = groups.create(ana, new GroupForm(slug(), "News", "", "en", "PUBLIC", "OPEN", List.of(), true));
        groupJoining.join(bob, news.slug(), List.of());
        assertThatThrownBy(() -> posts.publish(bob, news.id(), draft("hi"))).isInstanceOfSatisfying(Forbidden.class,
                e -> assertThat(e.code()).isEqualTo("post.moderators-only"));
        Post announcement = posts.publish(ana, news.id(), draft("Announcement"));
        assertThat(posts.comment(bob, announcement.id(), "Thanks!", null).body()).isEqualTo("Thanks!");
    }

    @Test
    void sizesAndLinksAreChecked() {
        Account ana = members.active("ana");
        assertThatThrownBy(() -> posts.publish(ana, null, draft(""))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> posts.publish(ana, null, draft("x".repeat(PostService.BODY_MAX + 1)))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> posts.publish(ana, null, new PostService.Draft("t".repeat(301), "x", null))).isInstanceOf(InvalidInput.class);
        for (String link : new String[] {"javascript:alert(1)", "ftp://x.org", "https://user:pw@x.org", "not a url", "https://"}) {
            assertThatThrownBy(() -> posts.publish(ana, null, new PostService.Draft("", "x", link))).as(link)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField()).containsKey("link"));
        }
        assertThat(posts.publish(ana, null, new PostService.Draft("", "", "https://example.org")).linkUrl()).isEqualTo("https://example.org");
    }

    @Test
    void privateGroupPostsAreInvisibleToOutsiders() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Group g = group(ana, "PRIVATE");
        Post secret = posts.publish(ana, g.id(), draft("members only"));

        assertThatThrownBy(() -> posts.read(secret.id(), eve.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.read(secret.id(), null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.comment(eve, secret.id(), "hi", null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.like(eve, secret.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.likers(secret.id(), eve.id(), 0)).isInstanceOf(NotFound.class);
        assertThat(reads.byIds(List.of(secret.id()), eve.id())).isEmpty();
        assertThat(reads.byIds(List.of(secret.id()), ana.id())).hasSize(1);
    }

    @Test
    void onlyTheAuthorOrAModeratorDeletes() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group g = group(ana, "PUBLIC");
        groupJoining.join(bob, g.slug(), List.of());
        Post bobs = posts.publish(bob, g.id(), draft("first"));

        Post anas = posts.publish(ana, g.id(), draft("owner's post"));
        assertThatThrownBy(() -> posts.delete(bob, anas.id())).isInstanceOf(Forbidden.class);
        posts.delete(ana, bobs.id());
        assertThatThrownBy(() -> posts.read(bobs.id(), ana.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void commentsThreadAndRepliesNameTheirParent() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, draft("profile post"));
        Comment first = posts.comment(bob, post.id(), "first", null);
        Comment reply = posts.comment(ana, post.id(), "reply", first.id());
        Comment deeper = posts.comment(bob, post.id(), "deeper", reply.id());

        assertThat(reply.depth()).isEqualTo(1);
        assertThat(deeper.depth()).isEqualTo(2);
        assertThat(posts.read(post.id(), null).commentCount()).isEqualTo(3);
        assertThat(recorder.events).contains(new PostEvents.CommentAdded(reply.id(), post.id(), null, ana.id(), ana.id(),
                first.id(), bob.id(), Set.of()));
        assertThatThrownBy(() -> posts.comment(bob, post.id(), "x", 999L)).isInstanceOf(InvalidInput.class);
        Post other = posts.publish(ana, null, draft("other"));
        assertThatThrownBy(() -> posts.comment(bob, other.id(), "cross-thread", first.id())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> posts.comment(bob, post.id(), " ", null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aDeletedCommentKeepsItsPlaceOnlyWhenItHasReplies() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, draft("p"));
        Comment parent = posts.comment(bob, post.id(), "parent", null);
        posts.comment(ana, post.id(), "child", parent.id());
        Comment lonely = posts.comment(bob, post.id(), "lonely", null);

        assertThatThrownBy(() -> posts.deleteComment(ana, lonely.id())).isInstanceOf(Forbidden.class);
        posts.deleteComment(bob, parent.id());
        posts.deleteComment(bob, lonely.id());

        List<Comment> left = posts.comments(post.id(), null, 0, 100);
        assertThat(left).extracting(Comment::body).containsExactly("", "child");
        assertThat(left.getFirst().deleted()).isTrue();
        assertThat(posts.read(post.id(), null).commentCount()).isEqualTo(1);
    }

    @Test
    void oneLikePerPersonAndNoLikingOfWhatOneCannotJoin() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        Group g = group(ana, "PUBLIC");
        groupJoining.join(bob, g.slug(), List.of());
        Post post = posts.publish(ana, g.id(), draft("like me"));

        assertThat(posts.like(bob, post.id())).isEqualTo(1);
        assertThat(posts.like(bob, post.id())).isEqualTo(1);
        assertThatThrownBy(() -> posts.like(eve, post.id())).isInstanceOf(Forbidden.class);
        assertThat(posts.likers(post.id(), null, 0)).containsExactly(bob.id());
        assertThat(reads.byIds(List.of(post.id()), bob.id()).getFirst().likedByViewer()).isTrue();
        assertThat(posts.unlike(bob, post.id())).isZero();
        assertThat(recorder.events.stream().filter(e -> e instanceof PostEvents.PostLiked l && l.postId() == post.id())).hasSize(1);
    }

    @Test
    void newestReadsWalkEachSourceAndPageByIdWithoutGaps() {
        Account ana = members.active("ana");
        Group a = group(ana, "PUBLIC");
        Group b = group(ana, "PRIVATE");
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            made.add(posts.publish(ana, i % 2 == 0 ? a.id() : b.id(), draft("post " + i)).id());
        }
        made.add(posts.publish(ana, null, draft("profile")).id());
        PostReads.Sources sources = new PostReads.Sources(Set.of(a.id(), b.id()), Set.of(ana.id()), Set.of());

        List<PostItem> first = reads.newest(sources, Long.MAX_VALUE, 20, ana.id()).items();
        List<PostItem> second = reads.newest(sources, first.getLast().post().id(), 20, ana.id()).items();

        List<Long> seen = new ArrayList<>();
        first.forEach(i -> seen.add(i.post().id()));
        second.forEach(i -> seen.add(i.post().id()));
        assertThat(seen).isEqualTo(made.reversed());
        Account eve = members.active("eve");
        assertThat(reads.newest(sources, Long.MAX_VALUE, 50, eve.id()).items()).allMatch(i -> i.group() == null || i.group().id() == a.id());
    }

    @Test
    void pagingGoesOnPastLongRunsOfPostsTheViewerMayNotRead() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Group secret = group(ana, "PRIVATE");
        Post old = posts.publish(ana, null, draft("old public post"));
        for (int i = 0; i < 130; i++) {
            posts.publish(ana, secret.id(), draft("members only " + i));
        }
        PostReads.Sources sources = new PostReads.Sources(Set.of(), Set.of(), Set.of(ana.id()));

        List<Long> seen = new ArrayList<>();
        Long before = Long.MAX_VALUE;
        for (int page = 0; page < 10 && before != null; page++) {
            PostReads.Page p = reads.newest(sources, before, 20, eve.id());
            p.items().forEach(i -> seen.add(i.post().id()));
            before = p.next();
        }
        assertThat(seen).containsExactly(old.id());
        assertThat(before).isNull();
    }

    @Test
    void aLikeClickedManyTimesAtOnceCountsOnceAndNeverFails() throws Exception {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group g = group(ana, "PUBLIC");
        Post post = posts.publish(ana, g.id(), draft("click me"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> clicks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                clicks.add(pool.submit(() -> groupJoining.join(bob, g.slug(), List.of())));
            }
            for (java.util.concurrent.Future<?> click : clicks) {
                click.get();
            }
            clicks.clear();
            for (int i = 0; i < 16; i++) {
                clicks.add(pool.submit(() -> posts.like(bob, post.id())));
            }
            for (java.util.concurrent.Future<?> click : clicks) {
                click.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(posts.read(post.id(), null).likeCount()).isEqualTo(1);
        assertThat(groups.view(g.slug(), bob).group().memberCount()).isEqualTo(2);
    }
}
