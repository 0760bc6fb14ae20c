package org.tribune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

/**
 * Group events become notifications for the people they concern, and for nobody else. Notifications are written
 * after the group's transaction commits, on another thread: tests wait for them.
 */
@IntegrationTest
class NotificationsFromGroupsTest {
    @Autowired
    Notifications notifications;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    Members members;

    /** The newest entry of this kind in the account's list, once it is there. */
    NotificationEntry awaitNewest(Account account, NotificationKind kind) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(account.id(), null).entries().stream()
                .filter(e -> e.kind() == kind).findFirst().orElse(null), Objects::nonNull);
    }

    Group group(Account owner, String visibility, String policy) {
        return groups.create(owner, new GroupForm(NotificationServiceIntegrationTest.slug("n"), "Rivers", "", "en",
                visibility, policy, policy.equals("REQUEST") ? List.of("Why?") : List.of(), false));
    }

    @Test
    void aRequestToJoinNotifiesEveryModeratorAndApprovalNotifiesTheApplicant() {
        Account ana = members.active("ana");
        Account mod = members.active("mod");
        Account member = members.active("member");
        Account bob = members.active("bob");
        Group club = group(ana, "PRIVATE", "REQUEST");
        groupMembers.invite(ana, club.slug(), mod.handle());
        groupJoining.join(mod, club.slug(), List.of());
        groupMembers.setRole(ana, club.slug(), mod.handle(), "MODERATOR");
        groupMembers.invite(ana, club.slug(), member.handle());
        groupJoining.join(member, club.slug(), List.of());
        awaitNewest(member, NotificationKind.INVITED);
        int memberBefore = notifications.unreadCount(member.id());

        groupJoining.join(bob, club.slug(), List.of("I map rivers"));

        for (Account moderator : List.of(ana, mod)) {
            NotificationEntry entry = awaitNewest(moderator, NotificationKind.JOIN_REQUEST);
            assertThat(entry.actor().handle()).isEqualTo(bob.handle());
            assertThat(entry.group().slug()).isEqualTo(club.slug());
            assertThat(entry.path()).isEqualTo("/groups/" + club.slug() + "/requests");
            assertThat(entry.read()).isFalse();
        }
        // Everyone concerned by one event is notified in one transaction: nobody else is coming.
        assertThat(notifications.unreadCount(member.id())).isEqualTo(memberBefore);
        assertThat(notifications.unreadCount(bob.id())).isZero();

        long request = groupJoining.requests(mod, club.slug()).getFirst().id();
        groupJoining.approve(mod, club.slug(), request);

        NotificationEntry approved = awaitNewest(bob, NotificationKind.REQUEST_APPROVED);
        assertThat(approved.actor().handle()).isEqualTo(mod.handle());
        assertThat(approved.path()).isEqualTo("/groups/" + club.slug());
        assertThat(notifications.unreadCount(bob.id())).isEqualTo(1);
    }

    @Test
    void aModeratorWhoStepsDownNoLongerSeesRequestsToJoin() {
        Account ana = members.active("ana");
        Account mod = members.active("mod");
        Account bob = members.active("bob");
        Group club = group(ana, "PUBLIC", "REQUEST");
        groupJoining.join(mod, club.slug(), List.of("Hi"));
        groupJoining.approve(ana, club.slug(), groupJoining.requests(ana, club.slug()).getFirst().id());
        groupMembers.setRole(ana, club.slug(), mod.handle(), "MODERATOR");
        awaitNewest(mod, NotificationKind.REQUEST_APPROVED);
        int before = notifications.unreadCount(mod.id());

        groupJoining.join(bob, club.slug(), List.of("Hello"));
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.unreadCount(mod.id()) == before + 1);

        groupMembers.setRole(ana, club.slug(), mod.handle(), "MEMBER");
        assertThat(notifications.unreadCount(mod.id())).isEqualTo(before);
        assertThat(notifications.page(mod.id(), null).entries())
                .noneMatch(e -> e.kind() == NotificationKind.JOIN_REQUEST);
    }

    @Test
    void anInvitationNotifiesTheInviteeEvenToAHiddenGroup() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Group hidden = group(ana, "HIDDEN", "INVITE");

        groupMembers.invite(ana, hidden.slug(), eve.handle());

        NotificationEntry invited = awaitNewest(eve, NotificationKind.INVITED);
        assertThat(invited.actor().handle()).isEqualTo(ana.handle());
        assertThat(invited.group().name()).isEqualTo("Rivers");
        assertThat(invited.path()).isEqualTo("/groups/" + hidden.slug());

        // Banned before joining: the invitation is gone, and so is any trace of the hidden group.
        groupMembers.ban(ana, hidden.slug(), eve.handle(), "");
        assertThat(notifications.page(eve.id(), null).entries()).isEmpty();
        assertThat(notifications.unreadCount(eve.id())).isZero();
    }
}
