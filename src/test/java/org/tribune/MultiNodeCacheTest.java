package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.feed.FeedEntry;
import org.tribune.feed.FeedService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.cluster.Broadcast;
import org.tribune.platform.live.LiveBus;
import org.tribune.post.Post;
import org.tribune.post.PostItem;
import org.tribune.post.PostReads;
import org.tribune.post.PostService;

/**
 * Two nodes sharing one PostgreSQL database, each with its own caches: what changes on A (an edit, a deletion, a
 * removal from a private group) is seen on B within one second, and while B's bus is cut B does not trust its caches,
 * then clears them before trusting them again. Runs in the PostgreSQL execution of the suite.
 */
@Tag("multinode")
class MultiNodeCacheTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        assumeTrue(TestDatabase.isPostgres(), "several nodes need PostgreSQL; proved in the postgres-test run");
        Map<String, Object> database = TestDatabase.settings(true);
        a = node("ca", database);
        b = node("cb", database);
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static ConfigurableApplicationContext node(String name, Map<String, Object> database) {
        return ClusterNode.start("cache-" + name, database);
    }

    private static Group group(Account owner, String visibility) {
        String slug = ("mc-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        return a.getBean(GroupService.class).create(owner,
                new GroupForm(slug, "Cached " + visibility, "", "en", visibility, "OPEN", List.of(), false));
    }

    /** The group's first page as the reader gets it on B (through B's caches). */
    private static List<Post> onB(Group group, Account reader) {
        return b.getBean(PostReads.class).newest(new PostReads.Sources(Set.of(group.id()), Set.of(), Set.of()), Long.MAX_VALUE,
                20, reader.id()).items().stream().map(PostItem::post).toList();
    }

    private static Duration until(BooleanSupplier seen) throws InterruptedException {
        return ClusterNode.until(seen);
    }

    @Test
    void anEditAndADeletionOnAAreSeenOnBWithinOneSecond() throws Exception {
        Members members = a.getBean(Members.class);
        Account writer = members.active("mce");
        Account reader = members.active("mcr");
        Group group = group(writer, "PUBLIC");
        PostService postsOnA = a.getBean(PostService.class);
        Post post = postsOnA.publish(writer, group.id(), new PostService.Draft("", "First words", null));
        assertThat(until(() -> onB(group, reader).stream().anyMatch(p -> p.id() == post.id()))).isLessThan(ONE_SECOND);
        onB(group, reader); // now held in B's caches

        postsOnA.applyAcceptedRevision(post.id(), writer.id(), new PostService.Text("", "Second words", null, null));
        Duration edit = until(() -> onB(group, reader).getFirst().body().equals("Second words"));
        System.out.printf("MultiNodeCacheTest: edit on A seen on B after %d ms%n", edit.toMillis());
        assertThat(edit).isLessThan(ONE_SECOND);

        postsOnA.delete(writer, post.id());
        Duration deletion = until(() -> onB(group, reader).isEmpty());
        System.out.printf("MultiNodeCacheTest: deletion on A seen on B after %d ms%n", deletion.toMillis());
        assertThat(deletion).isLessThan(ONE_SECOND);
    }

    @Test
    void aPostHiddenOnAIsGoneFromFeedsOnBWithinOneSecondAndBackWhenRestored() throws Exception {
        Members members = a.getBean(Members.class);
        Account writer = members.active("mch");
        Account reader = members.active("mcv");
        Group group = group(writer, "PUBLIC");
        PostService postsOnA = a.getBean(PostService.class);
        Post post = postsOnA.publish(writer, group.id(), new PostService.Draft("", "Soon hidden", null));
        assertThat(until(() -> onB(group, reader).stream().anyMatch(p -> p.id() == post.id()))).isLessThan(ONE_SECOND);
        onB(group, reader); // its restrictions (none) now held in B's caches

        postsOnA.hide(post.id());
        Duration hidden = until(() -> onB(group, reader).stream().noneMatch(p -> p.id() == post.id()));
        System.out.printf("MultiNodeCacheTest: hiding on A seen on B after %d ms%n", hidden.toMillis());
        assertThat(hidden).isLessThan(ONE_SECOND);
        assertThat(onB(group, writer)).as("its author still sees it").extracting(Post::id).contains(post.id());

        postsOnA.restore(post.id());
        assertThat(until(() -> onB(group, reader).stream().anyMatch(p -> p.id() == post.id()))).isLessThan(ONE_SECOND);
    }

    @Test
    void aPostsPictureRemovedForGoodOnALeavesItsCardOnBWithinOneSecond() throws Exception {
        Members members = a.getBean(Members.class);
        Account writer = members.active("mcp");
        Account moderator = members.withRole("mcpm", org.tribune.account.Role.MODERATOR);
        org.tribune.media.MediaService mediaOnA = a.getBean(org.tribune.media.MediaService.class);
        String picture = mediaOnA.upload(writer.id(), new org.tribune.media.MediaService.Upload("photo.png",
                org.tribune.media.TestPictures.png(600, 400)), "A harbour", null).id();
        PostService postsOnA = a.getBean(PostService.class);
        Post post = postsOnA.publish(writer, null, new PostService.Draft("", "A photo", null), List.of(picture));
        PostReads readsOnB = b.getBean(PostReads.class);
        assertThat(readsOnB.byIds(List.of(post.id()), writer.id()).getFirst().pictures()).as("now held on B").hasSize(1);

        a.getBean(org.tribune.moderation.ModerationService.class).remove(moderator, org.tribune.moderation.TargetKind.POST,
                post.id(), "spam", "");
        postsOnA.removedForGood(post.id());
        Duration gone = until(() -> readsOnB.byIds(List.of(post.id()), writer.id()).getFirst().pictures().isEmpty());
        System.out.printf("MultiNodeCacheTest: picture removed on A gone from its card on B after %d ms%n", gone.toMillis());
        assertThat(gone).isLessThan(ONE_SECOND);
        assertThat(readsOnB.byIds(List.of(post.id()), writer.id()).getFirst().hidden()).as("its author sees it hidden").isTrue();
    }

    /**
     * What a signed-in page shows besides the feed, kept on each node: the unread count's rows, each group's soonest
     * events, and a post's rendered content (a new key when it changes): a change on A shows on B's pages within a
     * second.
     */
    @Test
    void aNotificationAnEventAndAnEditOnAShowOnBsPagesWithinOneSecond() throws Exception {
        Members members = a.getBean(Members.class);
        Account host = members.active("mcn");
        Account reader = members.active("mcm");
        Group group = group(host, "PUBLIC");
        a.getBean(org.tribune.group.GroupJoining.class).join(reader, group.slug(), List.of());
        Post post = a.getBean(PostService.class).publish(host, group.id(), new PostService.Draft("", "Card words", null));
        WebClient onBHttp = new WebClient(ClusterNode.port(b));
        onBHttp.login(reader.email(), Members.PASSWORD);
        assertThat(until(() -> onBHttp.get("/").body().contains("Card words"))).isLessThan(ONE_SECOND);
        String before = onBHttp.get("/").body(); // the count's rows, the events and the card now held on B
        assertThat(before).contains("<span id=\"unread-count\" class=\"badge\">0</span>");

        a.getBean(org.tribune.notification.Notifications.class).record(reader.id(),
                org.tribune.notification.NotificationKind.NEW_FOLLOWER, host.id(), null, null, null);
        Duration counted = until(() -> onBHttp.get("/").body().contains("<span id=\"unread-count\" class=\"badge\">1</span>"));
        System.out.printf("MultiNodeCacheTest: notification on A counted on B after %d ms%n", counted.toMillis());
        assertThat(counted).isLessThan(ONE_SECOND);

        java.time.Instant start = java.time.Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        a.getBean(org.tribune.event.EventService.class).create(host, group.slug(), new org.tribune.event.EventDraft(
                "Picnic on two nodes", "", start, start.plusSeconds(3600), "Europe/Paris", "Park", null, null, false));
        Duration listed = until(() -> onBHttp.get("/").body().contains("Picnic on two nodes"));
        System.out.printf("MultiNodeCacheTest: event created on A listed on B after %d ms%n", listed.toMillis());
        assertThat(listed).isLessThan(ONE_SECOND);

        a.getBean(PostService.class).applyAcceptedRevision(post.id(), host.id(), new PostService.Text("", "Better card words", null, null));
        Duration edited = until(() -> onBHttp.get("/").body().contains("Better card words"));
        System.out.printf("MultiNodeCacheTest: edit on A rendered on B after %d ms%n", edited.toMillis());
        assertThat(edited).isLessThan(ONE_SECOND);
    }

    @Test
    void aTokenRevokedOnAIsRefusedOnBWithinOneSecondAndALikeOnAShowsOnB() throws Exception {
        Members members = a.getBean(Members.class);
        Account holder = members.active("mct");
        org.tribune.account.TokenService tokensOnA = a.getBean(org.tribune.account.TokenService.class);
        String secret = tokensOnA.createFor(holder.id(), "two nodes");
        WebClient onBHttp = new WebClient(ClusterNode.port(b));
        assertThat(onBHttp.get("/api/v1/feed", "Authorization", "Bearer " + secret).status()).isEqualTo(200); // held on B

        Group group = group(holder, "PUBLIC");
        Post post = a.getBean(PostService.class).publish(holder, group.id(), new PostService.Draft("", "Like me", null));
        PostReads readsOnB = b.getBean(PostReads.class);
        assertThat(readsOnB.byIds(List.of(post.id()), holder.id()).getFirst().likedByViewer()).isFalse(); // held on B
        a.getBean(PostService.class).like(holder, post.id());
        Duration liked = until(() -> readsOnB.byIds(List.of(post.id()), holder.id()).getFirst().likedByViewer());
        System.out.printf("MultiNodeCacheTest: like on A seen on B after %d ms%n", liked.toMillis());
        assertThat(liked).isLessThan(ONE_SECOND);

        tokensOnA.revoke(holder.id(), tokensOnA.of(holder.id()).getFirst().id());
        Duration refused = until(() -> onBHttp.get("/api/v1/feed", "Authorization", "Bearer " + secret).status() == 401);
        System.out.printf("MultiNodeCacheTest: token revoked on A refused on B after %d ms%n", refused.toMillis());
        assertThat(refused).isLessThan(ONE_SECOND);
    }

    @Test
    void aNoteScoredHelpfulOnAShowsUnderItsPostOnBWithinOneSecond() throws Exception {
        org.tribune.notes.NoteCamps camps = org.tribune.notes.NoteCamps.write(a.getBean(Members.class),
                a.getBean(org.tribune.trust.TrustLevels.class), a.getBean(PostService.class),
                a.getBean(org.tribune.notes.NoteService.class), 8);
        camps.rateAll(a.getBean(org.tribune.notes.NoteService.class));
        long postId = camps.bridging.postId();
        PostReads readsOnB = b.getBean(PostReads.class);
        assertThat(readsOnB.byIds(List.of(postId), null).getFirst().note()).as("no note yet, now held on B").isNull();

        a.getBean(org.tribune.notes.NoteScoring.class).run();
        Duration shown = until(() -> readsOnB.byIds(List.of(postId), null).getFirst().note() != null);
        System.out.printf("MultiNodeCacheTest: note scored Helpful on A shown on B after %d ms%n", shown.toMillis());
        assertThat(shown).isLessThan(ONE_SECOND);
        assertThat(readsOnB.byIds(List.of(postId), null).getFirst().note().noteId()).isEqualTo(camps.bridging.id());
    }

    @Test
    void someoneRemovedFromAPrivateGroupOnAIsRefusedItsPostsOnBWithinOneSecond() throws Exception {
        Members members = a.getBean(Members.class);
        Account owner = members.active("mco");
        Account reader = members.active("mcm");
        Group closed = group(owner, "PRIVATE");
        a.getBean(GroupJoining.class).join(reader, closed.slug(), List.of());
        Post post = a.getBean(PostService.class).publish(owner, closed.id(), new PostService.Draft("", "Members only", null));
        FeedService feedOnB = b.getBean(FeedService.class);
        assertThat(until(() -> feedOnB.home(reader, null).entries().stream().map(FeedEntry::item)
                .anyMatch(i -> i.post().id() == post.id()))).isLessThan(ONE_SECOND);
        assertThat(b.getBean(GroupAccess.class).memberGroupIds(reader.id())).contains(closed.id());

        a.getBean(GroupMembers.class).remove(owner, closed.slug(), reader.handle());

        Duration refused = until(() -> onB(closed, reader).isEmpty() && feedOnB.home(reader, null).entries().stream()
                .noneMatch(e -> e.item().post().id() == post.id()));
        System.out.printf("MultiNodeCacheTest: removal on A refused on B after %d ms%n", refused.toMillis());
        assertThat(refused).isLessThan(ONE_SECOND);
        assertThat(until(() -> !b.getBean(GroupAccess.class).memberGroupIds(reader.id()).contains(closed.id())))
                .as("B's cache of the reader's groups").isLessThan(ONE_SECOND);
        assertThat(onB(closed, owner)).as("the owner still reads it").extracting(Post::id).containsExactly(post.id());
    }

    @Test
    void whileItsBusIsCutBTrustsNoCacheAndClearsThemBeforeTrustingThemAgain() throws Exception {
        Members members = a.getBean(Members.class);
        Account writer = members.active("mcb");
        Account reader = members.active("mcc");
        Group group = group(writer, "PUBLIC");
        PostService postsOnA = a.getBean(PostService.class);
        Post post = postsOnA.publish(writer, group.id(), new PostService.Draft("", "Before the cut", null));
        assertThat(until(() -> onB(group, reader).stream().anyMatch(p -> p.id() == post.id()))).isLessThan(ONE_SECOND);
        Broadcast broadcastOnB = b.getBean(Broadcast.class);
        SmartLifecycle busOfB = (SmartLifecycle) b.getBean(LiveBus.class);
        try {
            busOfB.stop();
            assertThat(broadcastOnB.trusted()).as("B may miss what A publishes").isFalse();

            // A's evictions cannot reach B now: B must read the database, not what it held.
            postsOnA.applyAcceptedRevision(post.id(), writer.id(), new PostService.Text("", "During the cut", null, null));
            assertThat(onB(group, reader).getFirst().body()).isEqualTo("During the cut");
            Post second = postsOnA.publish(writer, group.id(), new PostService.Draft("", "Also during the cut", null));
            assertThat(onB(group, reader)).extracting(Post::id).containsExactly(second.id(), post.id());
        } finally {
            busOfB.start();
        }
        assertThat(until(broadcastOnB::trusted)).as("trusted again once resynchronised").isLessThan(Duration.ofSeconds(5));
        assertThat(onB(group, reader).getFirst().body()).isEqualTo("Also during the cut");
        postsOnA.applyAcceptedRevision(post.id(), writer.id(), new PostService.Text("", "After the cut", null, null));
        assertThat(until(() -> onB(group, reader).get(1).body().equals("After the cut"))).isLessThan(ONE_SECOND);
    }
}
