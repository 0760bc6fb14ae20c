package org.tribune.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.feed.FeedEntry;
import org.tribune.feed.FeedService;
import org.tribune.follow.FollowCounts;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.notification.NotificationEntry;
import org.tribune.notification.NotificationKind;
import org.tribune.notification.Notifications;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.NotFound;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/** Each rule of blocks, mutes and reach, as who is refused and what is hidden. */
@IntegrationTest
class SafetyServiceIntegrationTest {
    @Autowired
    SafetyService safety;
    @Autowired
    FollowService follows;
    @Autowired
    FeedService feeds;
    @Autowired
    PostService posts;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    Notifications notifications;
    @Autowired
    Members members;
    @Autowired
    WordFilters filters;

    private List<Long> home(Account viewer) {
        return feeds.home(viewer, null).entries().stream().map(e -> e.item().post().id()).toList();
    }

    private Post onProfile(Account author, String text) {
        return posts.publish(author, null, new PostService.Draft("", text, null));
    }

    private Group publicGroup(Account owner) {
        String slug = ("s-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        return groups.create(owner, new GroupForm(slug, "Safety " + slug, "", "en", "PUBLIC", "OPEN", List.of(), false));
    }

    @Test
    void blockingEndsFollowsBothWaysWithoutChangingAnyCount() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        follows.follow(ana, bob.handle());
        follows.follow(bob, ana.handle());
        FollowCounts anaBefore = follows.counts(ana.id());
        FollowCounts bobBefore = follows.counts(bob.id());

        safety.block(ana, bob.handle());

        assertThat(follows.isFollowing(ana.id(), bob.id())).isFalse();
        assertThat(follows.isFollowing(bob.id(), ana.id())).isFalse();
        // A count that drops the moment a block is made would tell the blocked person: counts stay as they were.
        assertThat(follows.counts(ana.id())).isEqualTo(anaBefore);
        assertThat(follows.counts(bob.id())).isEqualTo(bobBefore);
        assertThat(safety.blockedEitherWay(ana.id(), bob.id())).isTrue();
        assertThat(safety.blockedEitherWay(bob.id(), ana.id())).isTrue();
    }

    @Test
    void theBlockedPersonFindsNoProfileAndCannotFollowWhileTheBlockerMustUnblockFirst() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        safety.block(ana, bob.handle());

        // To bob, ana's profile is absent: the same "not found" as a handle nobody has.
        assertThatThrownBy(() -> follows.profile(ana.handle(), bob.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.follow(bob, ana.handle())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> feeds.person(ana.handle(), bob.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.followers(ana.handle(), null, bob.id())).isInstanceOf(NotFound.class);
        // Ana knows she blocked him.
        assertThat(follows.profile(bob.handle(), ana.id()).handle()).isEqualTo(bob.handle());
        assertThatThrownBy(() -> follows.follow(ana, bob.handle())).isInstanceOf(Conflict.class);

        assertThat(safety.unblock(ana, bob.handle())).isTrue();
        assertThat(follows.follow(bob, ana.handle())).isTrue();
    }

    @Test
    void postsAcrossABlockAreAbsentBothWaysButNotToTheGroupsModerators() {
        Account owner = members.active("own");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group group = publicGroup(owner);
        groupJoining.join(ana, group.slug(), List.of());
        groupJoining.join(bob, group.slug(), List.of());
        Post bobs = posts.publish(bob, group.id(), new PostService.Draft("", "Bob writes", null));
        Post anas = posts.publish(ana, group.id(), new PostService.Draft("", "Ana writes", null));
        Post ownersPost = posts.publish(owner, group.id(), new PostService.Draft("", "Owner writes", null));
        var bobsComment = posts.comment(bob, ownersPost.id(), "Bob comments", null);

        safety.block(ana, bob.handle());

        assertThatThrownBy(() -> posts.read(bobs.id(), ana.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.read(anas.id(), bob.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.comment(bob, anas.id(), "reply", null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.like(bob, anas.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> posts.comment(ana, ownersPost.id(), "reply to bob", bobsComment.id()))
                .isInstanceOf(org.tribune.platform.InvalidInput.class);
        assertThat(posts.comments(ownersPost.id(), ana.id(), 0, 100)).extracting(c -> c.authorId()).doesNotContain(bob.id());
        assertThatThrownBy(() -> posts.comment(bobsComment.id(), ana.id())).isInstanceOf(NotFound.class);
        var groupFeed = feeds.group(groups.view(group.slug(), ana), ana.id(), null).entries().stream().map(e -> e.item().post().id()).toList();
        assertThat(groupFeed).contains(anas.id(), ownersPost.id()).doesNotContain(bobs.id());

        // The owner moderates the group: a block between two members hides nothing from their work.
        assertThat(posts.read(bobs.id(), owner.id()).id()).isEqualTo(bobs.id());
        safety.block(owner, bob.handle());
        assertThat(posts.read(bobs.id(), owner.id()).id()).isEqualTo(bobs.id());
        assertThat(posts.comments(ownersPost.id(), owner.id(), 0, 100)).extracting(c -> c.authorId()).contains(bob.id());
    }

    @Test
    void aBlockedPersonsPostDoesNotReachYouThroughSomeoneElsesShare() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account carol = members.active("carol");
        follows.follow(ana, carol.handle());
        Post original = onProfile(bob, "Bob's original");
        Post share = posts.share(carol, original.id(), null, "look at this");
        Post plain = onProfile(carol, "Carol's own words");
        assertThat(home(ana)).contains(share.id(), plain.id());

        safety.block(ana, bob.handle());

        assertThat(home(ana)).contains(plain.id()).doesNotContain(share.id(), original.id());
        // Bob blocking ana works the same way for her.
        safety.unblock(ana, bob.handle());
        assertThat(home(ana)).contains(share.id());
        safety.block(bob, ana.handle());
        assertThat(home(ana)).doesNotContain(share.id());
    }

    @Test
    void theNewPostsCountLeavesOutWhatTheFeedLeavesOutAndAFilterChangeTakesEffectAtOnce() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account cat = members.active("cat");
        follows.follow(ana, bob.handle());
        follows.follow(ana, cat.handle());
        Post before = onProfile(bob, "Before everything");
        Post spoiler = onProfile(bob, "Spoilers for the finale");
        Post plain = onProfile(bob, "A walk by the river");
        onProfile(cat, "Cat speaks");
        assertThat(feeds.newSince(ana, before.id())).isEqualTo(3);

        WordFilter hide = filters.create(ana, new WordFilters.Request("finale", List.of("HOME"), "HIDE", null));
        safety.mute(ana, cat.handle(), null);
        assertThat(feeds.newSince(ana, before.id())).isEqualTo(1);
        assertThat(home(ana)).contains(plain.id(), before.id()).doesNotContain(spoiler.id());

        // A change to the filter is seen by the very next page: no compiled filter outlives the list it came from.
        filters.change(ana, hide.id(), new WordFilters.Request("river", null, null, null));
        assertThat(feeds.newSince(ana, before.id())).isEqualTo(1);
        assertThat(home(ana)).contains(spoiler.id()).doesNotContain(plain.id());
        filters.delete(ana, hide.id());
        assertThat(feeds.newSince(ana, before.id())).isEqualTo(2);
    }

    @Test
    void mutedPeopleLeaveTheFeedsUntilTheMuteEnds() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        follows.follow(ana, bob.handle());
        Post bobs = onProfile(bob, "Bob again");
        assertThat(home(ana)).contains(bobs.id());

        safety.mute(ana, bob.handle(), null);
        assertThat(home(ana)).doesNotContain(bobs.id());
        assertThat(feeds.profile(bob, ana.id(), null).entries()).isEmpty();
        // A mute is no block: the post is still there when asked for, the follow stays, and bob sees ana's posts.
        assertThat(posts.read(bobs.id(), ana.id()).id()).isEqualTo(bobs.id());
        assertThat(follows.isFollowing(ana.id(), bob.id())).isTrue();
        assertThat(safety.blockedEitherWay(ana.id(), bob.id())).isFalse();
        assertThat(safety.mutes(ana.id())).extracting(Mute::handle).containsExactly(bob.handle());

        safety.mute(ana, bob.handle(), Instant.now().plusMillis(1500));
        assertThat(home(ana)).doesNotContain(bobs.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> home(ana).contains(bobs.id()));
        assertThat(safety.mutes(ana.id())).isEmpty();
        assertThat(safety.hiddenAuthors(ana.id())).doesNotContain(bob.id());
    }

    @Test
    void aMuteInThePastIsRefusedAndYouCannotBlockOrMuteYourself() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        assertThatThrownBy(() -> safety.mute(ana, bob.handle(), Instant.now().minusSeconds(60)))
                .isInstanceOf(org.tribune.platform.InvalidInput.class);
        assertThatThrownBy(() -> safety.block(ana, ana.handle())).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> safety.mute(ana, ana.handle(), null)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> safety.block(ana, "nobody_" + System.nanoTime())).isInstanceOf(NotFound.class);
    }

    @Test
    void likeCountsStayTheSameWhenALikerIsBlocked() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post anas = onProfile(ana, "Likeable");
        posts.like(bob, anas.id());
        int before = posts.read(anas.id(), ana.id()).likeCount();

        safety.block(ana, bob.handle());

        assertThat(posts.read(anas.id(), ana.id()).likeCount()).isEqualTo(before).isEqualTo(1);
    }

    @Test
    void mentionsAcrossABlockAreNeitherLinkedNorNotified() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account carol = members.active("carol");
        safety.block(ana, bob.handle());

        Post fromBob = onProfile(bob, "Hello @" + ana.handle() + " and @" + carol.handle());

        assertThat(fromBob.bodyHtml()).doesNotContain("href=\"/&#64;" + ana.handle() + "\"").contains("href=\"/&#64;" + carol.handle() + "\"");
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(carol.id(), null).entries().stream()
                .anyMatch(n -> n.kind() == NotificationKind.MENTION));
        assertThat(notifications.page(ana.id(), null).entries()).noneMatch(n -> n.kind() == NotificationKind.MENTION);
    }

    @Test
    void notificationsFromMutedPeopleAreDropped() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account carol = members.active("carol");
        Post anas = onProfile(ana, "Tell me");
        posts.comment(bob, anas.id(), "Bob's comment", null);
        posts.comment(carol, anas.id(), "Carol's comment", null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actors(ana)).contains(bob.handle(), carol.handle()));

        safety.mute(ana, bob.handle(), null);

        assertThat(actors(ana)).contains(carol.handle()).doesNotContain(bob.handle());
        safety.unmute(ana, bob.handle());
        assertThat(actors(ana)).contains(bob.handle());
    }

    @Test
    void notificationsFromStrangersAndYoungAccountsGoToTheRequestsTabOfThoseWhoAskedForIt() {
        Account ana = members.active("ana");
        Account stranger = members.active("str");
        Account friend = members.active("fri");
        follows.follow(ana, friend.handle());
        Post anas = onProfile(ana, "Talk to me");
        posts.comment(stranger, anas.id(), "A stranger's comment", null);
        posts.comment(friend, anas.id(), "A friend's comment", null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actors(ana)).contains(stranger.handle(), friend.handle()));
        assertThat(notifications.page(ana.id(), null, true).entries()).isEmpty();

        safety.setReach(ana.id(), new Reach(Reach.Audience.EVERYONE, Reach.Audience.EVERYONE, true, 0, false), null);
        assertThat(actors(ana)).contains(friend.handle()).doesNotContain(stranger.handle());
        assertThat(notifications.page(ana.id(), null, true).entries()).extracting(e -> e.actor().handle())
                .containsExactly(stranger.handle());
        int unread = notifications.unreadCount(ana.id());

        // The friend's account is a few seconds old: younger than 7 days, it counts as a request too.
        safety.setReach(ana.id(), new Reach(Reach.Audience.EVERYONE, Reach.Audience.EVERYONE, true, 7, false), null);
        assertThat(actors(ana)).doesNotContain(friend.handle(), stranger.handle());
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(unread - 1);
    }

    private List<String> actors(Account account) {
        return notifications.page(account.id(), null).entries().stream().map(NotificationEntry::actor)
                .filter(a -> a != null).map(NotificationEntry.Actor::handle).toList();
    }

    @Test
    void profileRepliesFollowThePersonsReachSetting() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account carol = members.active("carol");
        Post anas = onProfile(ana, "Replies welcome?");
        safety.setReach(ana.id(), new Reach(Reach.Audience.FOLLOWING, Reach.Audience.EVERYONE, false, 0, false), null);
        follows.follow(ana, carol.handle());

        assertThatThrownBy(() -> posts.comment(bob, anas.id(), "hi", null)).isInstanceOf(Forbidden.class);
        assertThat(posts.comment(carol, anas.id(), "hi", null).authorId()).isEqualTo(carol.id());
        assertThat(posts.comment(ana, anas.id(), "my own", null).authorId()).isEqualTo(ana.id());

        safety.setReach(ana.id(), new Reach(Reach.Audience.NOBODY, Reach.Audience.EVERYONE, false, 0, false), null);
        assertThatThrownBy(() -> posts.comment(carol, anas.id(), "again", null)).isInstanceOf(Forbidden.class);
    }

    @Test
    void invitationsAreRefusedAcrossABlockAndByTheReachSettingAlike() {
        Account owner = members.active("own");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        String slug = ("i-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        Group group = groups.create(owner, new GroupForm(slug, "Invites " + slug, "", "en", "PUBLIC", "INVITE", List.of(), false));

        safety.block(ana, owner.handle());
        assertThatThrownBy(() -> groupMembers.invite(owner, group.slug(), ana.handle())).isInstanceOf(Conflict.class)
                .hasMessage("safety.invitations-closed");

        safety.setReach(bob.id(), new Reach(Reach.Audience.EVERYONE, Reach.Audience.NOBODY, false, 0, false), null);
        assertThatThrownBy(() -> groupMembers.invite(owner, group.slug(), bob.handle())).isInstanceOf(Conflict.class)
                .hasMessage("safety.invitations-closed");

        safety.setReach(bob.id(), Reach.DEFAULTS, null);
        groupMembers.invite(owner, group.slug(), bob.handle());
    }
}
