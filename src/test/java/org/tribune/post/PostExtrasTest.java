package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupService;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.TestPictures;
import org.tribune.moderation.ModerationService;
import org.tribune.moderation.TargetKind;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/**
 * What a card shows of a post besides its row (moderation, share, pictures, Helpful note) is kept in one entry a post,
 * and every change to any part of it is seen by the next read. (A note scored Helpful after its post's extras were
 * kept: {@code NotesIntegrationTest}, and on two nodes {@code MultiNodeCacheTest}. Its camps of raters are not made
 * here: their notes would wait in every member's queue of notes to rate, which the browser tests walk.)
 */
@IntegrationTest
class PostExtrasTest {
    @Autowired
    NodeCaches caches;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    PostService posts;
    @Autowired
    PostReads reads;
    @Autowired
    MediaService media;
    @Autowired
    ModerationService moderation;

    @SuppressWarnings("unchecked")
    private NodeCache<PostExtras.Extras> extras() {
        return (NodeCache<PostExtras.Extras>) caches.all().stream().filter(c -> c.name().equals("post-extras")).findFirst().orElseThrow();
    }

    private Group group(Account owner) {
        return groups.create(owner, new GroupForm(PostServiceIntegrationTest.slug(), "Extras", "", "en", "PUBLIC", "OPEN",
                List.of(), false));
    }

    private Picture picture(Account owner) {
        return media.upload(owner.id(), new MediaService.Upload("photo.png", TestPictures.png(600, 400)), "A harbour", null);
    }

    private PostItem seenBy(Account viewer, long postId) {
        return reads.byIds(List.of(postId), viewer.id()).getFirst();
    }

    @Test
    void aFeedKeepsOneEntryAPostAndPostsWithNothingShareOneValue() {
        Account author = members.active("extras");
        Group group = group(author);
        Post plain = posts.publish(author, group.id(), new PostService.Draft("", "Nothing special", null));
        Post pictured = posts.publish(author, group.id(), new PostService.Draft("", "A photo", null), List.of(picture(author).id()));
        Post shared = posts.share(author, plain.id(), group.id(), "Worth reading");
        Account reader = members.active("extrasr");

        var sources = new PostReads.Sources(Set.of(group.id()), Set.of(), Set.of());
        List<PostItem> feed = reads.newest(sources, Long.MAX_VALUE, 20, reader.id()).items();

        assertThat(feed).extracting(i -> i.post().id()).containsExactly(shared.id(), pictured.id(), plain.id());
        assertThat(feed.get(0).shared().post().id()).isEqualTo(plain.id());
        assertThat(feed.get(1).pictures()).hasSize(1);
        assertThat(caches.all()).extracting(NodeCache::name).doesNotContain("restrictions", "post-pictures", "helpful-notes");
        assertThat(extras().peek(plain.id())).as("a post with nothing").isSameAs(PostExtras.Extras.NONE);
        assertThat(extras().peek(pictured.id()).pictures()).hasSize(1);
        assertThat(extras().peek(shared.id()).originalId()).isEqualTo(plain.id());
    }

    @Test
    void hidingLockingAndRestoringAreSeenByTheNextRead() {
        Account author = members.active("extrash");
        Group group = group(author);
        Post post = posts.publish(author, group.id(), new PostService.Draft("", "To moderate", null));
        Account reader = members.active("extrashr");
        assertThat(seenBy(reader, post.id()).hidden()).isFalse();
        assertThat(extras().peek(post.id())).isNotNull();

        posts.lock(post.id());
        assertThat(seenBy(reader, post.id()).locked()).isTrue();
        posts.hide(post.id());
        assertThat(reads.byIds(List.of(post.id()), reader.id())).as("hidden from readers").isEmpty();
        assertThat(seenBy(author, post.id()).hidden()).as("its author still sees it, marked").isTrue();
        posts.restore(post.id());
        posts.unlock(post.id());
        assertThat(seenBy(reader, post.id())).matches(i -> !i.hidden() && !i.locked());
    }

    @Test
    void aPictureRemovedForGoodLeavesTheCardAtOnce() {
        Account author = members.active("extrasp");
        Account moderator = members.withRole("extraspm", Role.MODERATOR);
        Post post = posts.publish(author, null, new PostService.Draft("", "A photo", null), List.of(picture(author).id()));
        assertThat(seenBy(author, post.id()).pictures()).hasSize(1);

        moderation.remove(moderator, TargetKind.POST, post.id(), "spam", "");
        posts.removedForGood(post.id());

        assertThat(seenBy(author, post.id())).as("its author still sees the hidden post, without its picture")
                .matches(PostItem::hidden).matches(i -> i.pictures().isEmpty());
    }
}
