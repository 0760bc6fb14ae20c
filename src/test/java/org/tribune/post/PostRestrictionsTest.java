package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.Forbidden;
import org.tribune.platform.NotFound;

/** Hidden, locked and shared posts: who still sees what. */
@IntegrationTest
class PostRestrictionsTest {
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

    Group group(Account owner, String visibility) {
        return groups.create(owner, new GroupForm(PostServiceIntegrationTest.slug(), "Restricted " + visibility, "", "en",
                visibility, "OPEN", List.of(), false));
    }

    @Test
    void aHiddenPostIsSeenOnlyByItsAuthorAndTheModeratorsMarkedHidden() {
        Account owner = members.active("owner");
        Group group = group(owner, "PUBLIC");
        Account author = members.active("author");
        groupJoining.join(author, group.slug(), List.of());
        Post post = posts.publish(author, group.id(), new PostService.Draft("", "To hide", null));
        Account reader = members.active("reader");
        Account siteModerator = members.withRole("mod", Role.MODERATOR);

        assertThat(posts.hide(post.id())).isTrue();
        assertThat(posts.hide(post.id())).isFalse();
        assertThatThrownBy(() -> posts.read(post.id(), reader.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.read(post.id(), null)).isInstanceOf(NotFound.class);
        var sources = new PostReads.Sources(java.util.Set.of(group.id()), java.util.Set.of(), java.util.Set.of());
        assertThat(reads.newest(sources, Long.MAX_VALUE, 20, reader.id()).items()).noneMatch(i -> i.post().id() == post.id());
        for (Account allowed : List.of(author, owner, siteModerator)) {
            assertThat(reads.newest(sources, Long.MAX_VALUE, 20, allowed.id()).items())
                    .filteredOn(i -> i.post().id() == post.id()).singleElement().matches(PostItem::hidden);
        }
        assertThat(posts.restore(post.id())).isTrue();
        assertThat(reads.byIds(List.of(post.id()), reader.id())).singleElement().matches(i -> !i.hidden());
    }

    @Test
    void aLockedDiscussionTakesNoComment() {
        Account author = members.active("author");
        Post post = posts.publish(author, null, new PostService.Draft("", "Locked talk", null));
        posts.lock(post.id());
        assertThat(reads.byIds(List.of(post.id()), null)).singleElement().matches(PostItem::locked);
        assertThatThrownBy(() -> posts.comment(author, post.id(), "Still?", null)).isInstanceOf(Forbidden.class);
        posts.unlock(post.id());
        assertThat(posts.comment(author, post.id(), "Yes", null)).isNotNull();
    }

    @Test
    void aShareEmbedsItsOriginalAndPrivatePostsAreNotShared() {
        Account author = members.active("author");
        Post original = posts.publish(author, null, new PostService.Draft("Original", "Worth reading", null));
        Account sharer = members.active("sharer");
        Post share = posts.share(sharer, original.id(), null, "");
        PostItem item = reads.byIds(List.of(share.id()), null).getFirst();
        assertThat(item.shared().post().id()).isEqualTo(original.id());
        assertThat(PostJson.of(item).shared().id()).isEqualTo(Long.toString(original.id()));

        posts.hide(original.id());
        assertThat(reads.byIds(List.of(share.id()), null).getFirst().shared()).isNull();

        Group secret = group(author, "PRIVATE");
        Post inside = posts.publish(author, secret.id(), new PostService.Draft("", "Inside", null));
        assertThatThrownBy(() -> posts.share(author, inside.id(), null, "")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> posts.share(sharer, inside.id(), null, "")).isInstanceOf(NotFound.class);
    }
}
