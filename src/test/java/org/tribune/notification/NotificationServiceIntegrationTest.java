package org.tribune.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.NotFound;

@IntegrationTest
class NotificationServiceIntegrationTest {
    @Autowired
    Notifications notifications;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    MessageSource messages;

    static long someId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    static String slug(String prefix) {
        return (prefix + "-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
    }

    String text(NotificationEntry entry) {
        return messages.getMessage(entry.messageKey(), entry.messageArgs(), Locale.ENGLISH);
    }

    @Test
    void aNotificationIsListedAndCountedForItsRecipientOnly() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        long post = someId();
        long comment = someId();

        notifications.record(ana.id(), NotificationKind.COMMENT_ON_POST, bob.id(), null, post, comment);

        assertThat(notifications.unreadCount(ana.id())).isEqualTo(1);
        assertThat(notifications.unreadCount(bob.id())).isZero();
        NotificationEntry entry = notifications.page(ana.id(), null).entries().getFirst();
        assertThat(entry.kind()).isEqualTo(NotificationKind.COMMENT_ON_POST);
        assertThat(entry.actor().handle()).isEqualTo(bob.handle());
        assertThat(entry.read()).isFalse();
        assertThat(entry.path()).isEqualTo("/p/" + post + "#c" + comment);
        assertThat(text(entry)).isEqualTo(bob.displayName() + " commented on your post");
        assertThat(notifications.page(bob.id(), null).entries()).isEmpty();
    }

    @Test
    void nobodyIsNotifiedOfTheirOwnAction() {
        Account ana = members.active("ana");
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, ana.id(), null, someId(), null);
        notifications.record(ana.id(), NotificationKind.COMMENT_ON_POST, ana.id(), null, someId(), someId());

        assertThat(notifications.unreadCount(ana.id())).isZero();
        assertThat(notifications.page(ana.id(), null).entries()).isEmpty();
    }

    @Test
    void likesOfOneSubjectAreOneEntry() {
        Account ana = members.active("ana");
        List<Account> likers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            likers.add(members.active("liker"));
        }
        long post = someId();
        long otherPost = someId();
        long comment = someId();
        for (Account liker : likers) {
            notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, liker.id(), null, post, null);
        }
        // Taking a like back and giving it again does not notify twice.
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, likers.getFirst().id(), null, post, null);
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, likers.getFirst().id(), null, otherPost, null);
        notifications.record(ana.id(), NotificationKind.LIKE_ON_COMMENT, likers.get(1).id(), null, post, comment);
        notifications.record(ana.id(), NotificationKind.LIKE_ON_COMMENT, likers.get(2).id(), null, post, comment);

        List<NotificationEntry> entries = notifications.page(ana.id(), null).entries();
        assertThat(entries).hasSize(3);
        NotificationEntry onComment = entries.get(0);
        assertThat(onComment.kind()).isEqualTo(NotificationKind.LIKE_ON_COMMENT);
        assertThat(onComment.actor().handle()).isEqualTo(likers.get(2).handle());
        assertThat(onComment.others()).isEqualTo(1);
        assertThat(onComment.path()).isEqualTo("/p/" + post + "#c" + comment);
        assertThat(text(onComment)).isEqualTo(likers.get(2).displayName() + " and 1 other liked your comment");
        NotificationEntry onOther = entries.get(1);
        assertThat(onOther.others()).isZero();
        assertThat(text(onOther)).isEqualTo(likers.getFirst().displayName() + " liked your post");
        NotificationEntry onPost = entries.get(2);
        assertThat(onPost.kind()).isEqualTo(NotificationKind.LIKE_ON_POST);
        assertThat(onPost.actor().handle()).isEqualTo(likers.getLast().handle());
        assertThat(onPost.others()).isEqualTo(4);
        assertThat(onPost.path()).isEqualTo("/p/" + post);
        assertThat(text(onPost)).isEqualTo(likers.getLast().displayName() + " and 4 others liked your post");
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(3);
    }

    @Test
    void aLikedSubjectAppearsOnceAcrossPagesWhereItWasLastLiked() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        long post = someId();
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, bob.id(), null, post, null);
        for (int i = 0; i < 40; i++) {
            notifications.record(ana.id(), NotificationKind.MENTION, bob.id(), null, someId(), null);
        }
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, eve.id(), null, post, null);

        NotificationPage first = notifications.page(ana.id(), null);
        assertThat(first.entries()).hasSize(Notifications.PAGE_SIZE);
        assertThat(first.entries().getFirst().kind()).isEqualTo(NotificationKind.LIKE_ON_POST);
        assertThat(first.entries().getFirst().others()).isEqualTo(1);
        assertThat(first.next()).isEqualTo(first.entries().getLast().id());
        NotificationPage second = notifications.page(ana.id(), first.next());
        assertThat(second.entries()).hasSize(11).allSatisfy(e -> assertThat(e.kind()).isEqualTo(NotificationKind.MENTION));
        assertThat(second.next()).isNull();
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(41);
    }

    @Test
    void markingReadTouchesOnlyOnesOwn() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        long post = someId();
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, bob.id(), null, post, null);
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, eve.id(), null, post, null);
        notifications.record(ana.id(), NotificationKind.NEW_FOLLOWER, bob.id(), null, null, null);
        notifications.record(bob.id(), NotificationKind.NEW_FOLLOWER, ana.id(), null, null, null);
        List<NotificationEntry> entries = notifications.page(ana.id(), null).entries();
        NotificationEntry follower = entries.get(0);
        NotificationEntry likes = entries.get(1);
        assertThat(follower.path()).isEqualTo("/@" + bob.handle());
        long bobsOwn = notifications.page(bob.id(), null).entries().getFirst().id();

        assertThatThrownBy(() -> notifications.markRead(ana.id(), bobsOwn)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> notifications.markRead(ana.id(), someId())).isInstanceOf(NotFound.class);
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(1);

        notifications.markRead(ana.id(), likes.id());
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(1);
        assertThat(notifications.page(ana.id(), null).entries()).extracting(NotificationEntry::read).containsExactly(false, true);

        // A new like of the same post makes the entry unread again, at the top.
        Account carl = members.active("carl");
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, carl.id(), null, post, null);
        NotificationEntry again = notifications.page(ana.id(), null).entries().getFirst();
        assertThat(again.others()).isEqualTo(2);
        assertThat(again.read()).isFalse();
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(2);

        notifications.markAllRead(ana.id());
        assertThat(notifications.unreadCount(ana.id())).isZero();
        assertThat(notifications.page(ana.id(), null).entries()).allSatisfy(e -> assertThat(e.read()).isTrue());
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(1);
    }

    @Test
    void nothingIsShownAboutAPrivateGroupOnceTheRecipientWasRemoved() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group club = groups.create(ana, new GroupForm(slug("club"), "Secret Club", "", "en", "PRIVATE", "OPEN", List.of(), false));
        Group open = groups.create(ana, new GroupForm(slug("town"), "Town Square", "", "en", "PUBLIC", "OPEN", List.of(), false));
        groupJoining.join(bob, club.slug(), List.of());
        groupJoining.join(bob, open.slug(), List.of());
        long post = someId();
        notifications.record(bob.id(), NotificationKind.COMMENT_ON_POST, ana.id(), club.id(), post, someId());
        notifications.record(bob.id(), NotificationKind.LIKE_ON_POST, ana.id(), club.id(), post, null);
        notifications.record(bob.id(), NotificationKind.MENTION, ana.id(), open.id(), someId(), null);
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(3);

        groupMembers.remove(ana, club.slug(), bob.handle());

        List<NotificationEntry> left = notifications.page(bob.id(), null).entries();
        assertThat(left).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(NotificationKind.MENTION);
            assertThat(e.group().slug()).isEqualTo(open.slug());
        });
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(1);

        // Public groups stay readable after leaving them.
        groupJoining.leave(bob, open.slug());
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(1);
        // And back in the private group, what was there is there again.
        groupJoining.join(bob, club.slug(), List.of());
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(3);
    }

    @Test
    void nothingIsShownAboutSuspendedPeople() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        long post = someId();
        notifications.record(ana.id(), NotificationKind.MENTION, eve.id(), null, someId(), null);
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, bob.id(), null, post, null);
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, eve.id(), null, post, null);
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(2);

        members.suspend(eve);

        List<NotificationEntry> entries = notifications.page(ana.id(), null).entries();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(NotificationKind.LIKE_ON_POST);
            assertThat(e.actor().handle()).isEqualTo(bob.handle());
        });
        assertThat(entries.toString()).doesNotContain(eve.handle());
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(1);
    }

    @Test
    void everyKindHasItsSentenceInBothLanguages() {
        for (NotificationKind kind : NotificationKind.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                NotificationEntry one = new NotificationEntry(1, kind, new NotificationEntry.Actor("ana", "Ana"), 0,
                        new NotificationEntry.GroupRef("maps", "Maps"), 2L, 3L, null, false);
                String sentence = messages.getMessage(one.messageKey(), one.messageArgs(), locale);
                assertThat(sentence).as(kind + " " + locale).doesNotContain("{").isNotBlank();
                if (kind.namesActor()) {
                    assertThat(sentence).as(kind + " " + locale).startsWith("Ana");
                }
                if (kind.isGrouped()) {
                    NotificationEntry many = new NotificationEntry(1, kind, one.actor(), 3, null, 2L, 3L, null, false);
                    assertThat(messages.getMessage(many.messageKey(), many.messageArgs(), locale)).contains("3");
                }
            }
        }
    }
}
