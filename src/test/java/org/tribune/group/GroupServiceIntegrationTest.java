package org.tribune.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;

@IntegrationTest
class GroupServiceIntegrationTest {
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    GroupAccess access;
    @Autowired
    Members members;
    @Autowired
    Groups rows;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;
    @Autowired
    org.tribune.platform.cluster.NodeCaches caches;

    static String slug(String prefix) {
        return (prefix + "-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
    }

    Group group(Account owner, String visibility, String policy, List<String> questions) {
        return groups.create(owner, new GroupForm(slug("g"), "Group " + visibility, "About *things*", "en", visibility,
                policy, questions, false));
    }

    @Test
    void theCreatorOwnsTheNewGroup() {
        Account ana = members.active("ana");
        Group climate = group(ana, "PUBLIC", "OPEN", List.of());

        GroupPage view = groups.view(climate.slug(), ana);
        assertThat(view.isOwner()).isTrue();
        assertThat(view.group().memberCount()).isEqualTo(1);
        assertThat(groups.mine(ana.id())).extracting(Group::slug).contains(climate.slug());
    }

    @Test
    void slugsAreUniqueAndUrlSafe() {
        Account ana = members.active("ana");
        Group first = group(ana, "PUBLIC", "OPEN", List.of());
        for (String bad : new String[] {"ab", "Has Space", "UPPER", "-lead", "trail-", "new", "a--b", "x".repeat(61), "émoji"}) {
            assertThatThrownBy(() -> groups.create(ana, new GroupForm(bad, "n", "", "en", "PUBLIC", "OPEN", List.of(), false)))
                    .as(bad).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField()).containsKey("slug"));
        }
        assertThatThrownBy(() -> groups.create(ana, new GroupForm(first.slug(), "Again", "", "en", "PUBLIC", "OPEN", List.of(), false)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField().get("slug").code()).isEqualTo("group.slug-taken"));
    }

    @Test
    void unverifiedPeopleCannotCreateOrJoin() {
        Account ana = members.active("ana");
        Group open = group(ana, "PUBLIC", "OPEN", List.of());
        Account newcomer = members.unverified("new");
        assertThatThrownBy(() -> group(newcomer, "PUBLIC", "OPEN", List.of())).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> groupJoining.join(newcomer, open.slug(), List.of())).isInstanceOf(Forbidden.class);
    }

    @Test
    void openGroupsAreJoinedAtOnceAndLeftAnyTime() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group open = group(ana, "PUBLIC", "OPEN", List.of());

        assertThat(groupJoining.join(bob, open.slug(), List.of())).isEqualTo(GroupJoining.JoinOutcome.JOINED);
        assertThat(groupJoining.join(bob, open.slug(), List.of())).isEqualTo(GroupJoining.JoinOutcome.JOINED);
        assertThat(groups.view(open.slug(), bob).group().memberCount()).isEqualTo(2);
        groupJoining.leave(bob, open.slug());
        assertThat(groups.view(open.slug(), bob).isMember()).isFalse();
        assertThat(groups.view(open.slug(), bob).group().memberCount()).isEqualTo(1);
    }

    @Test
    void requestGroupsAskTheirQuestionsAndModeratorsDecide() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        Group club = group(ana, "PRIVATE", "REQUEST", List.of("Why do you want to join?"));

        assertThatThrownBy(() -> groupJoining.join(bob, club.slug(), List.of(""))).isInstanceOf(InvalidInput.class);
        assertThat(groupJoining.join(bob, club.slug(), List.of("I love maps"))).isEqualTo(GroupJoining.JoinOutcome.REQUESTED);
        assertThat(groupJoining.join(eve, club.slug(), List.of("Just curious"))).isEqualTo(GroupJoining.JoinOutcome.REQUESTED);
        assertThat(access.canRead(club, bob.id())).isFalse();
        assertThatThrownBy(() -> groupJoining.requests(bob, club.slug())).isInstanceOf(Forbidden.class);

        List<JoinRequest> waiting = groupJoining.requests(ana, club.slug());
        assertThat(waiting).extracting(JoinRequest::handle).containsExactly(bob.handle(), eve.handle());
        assertThat(waiting.getFirst().answers()).containsExactly("I love maps");
        groupJoining.approve(ana, club.slug(), waiting.get(0).id());
        groupJoining.decline(ana, club.slug(), waiting.get(1).id());

        assertThat(access.canRead(club, bob.id())).isTrue();
        assertThat(access.canRead(club, eve.id())).isFalse();
        assertThat(groupJoining.requests(ana, club.slug())).isEmpty();
    }

    @Test
    void inviteOnlyGroupsLetInOnlyTheInvited() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        Group circle = group(ana, "PRIVATE", "INVITE", List.of());

        assertThatThrownBy(() -> groupJoining.join(eve, circle.slug(), List.of())).isInstanceOf(Forbidden.class);
        groupMembers.invite(ana, circle.slug(), bob.handle());
        assertThat(groups.invitations(bob.id())).extracting(Group::slug).containsExactly(circle.slug());
        assertThat(groupJoining.join(bob, circle.slug(), List.of())).isEqualTo(GroupJoining.JoinOutcome.JOINED);
        assertThat(groups.invitations(bob.id())).isEmpty();
        assertThatThrownBy(() -> groupMembers.invite(bob, circle.slug(), eve.handle())).isInstanceOf(Forbidden.class);
    }

    @Test
    void hiddenGroupsDoNotExistForOutsiders() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Group secret = group(ana, "HIDDEN", "OPEN", List.of());

        assertThatThrownBy(() -> groups.view(secret.slug(), eve)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> groups.view(secret.slug(), null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> groupJoining.join(eve, secret.slug(), List.of())).isInstanceOf(NotFound.class);
        assertThat(groups.directory(secret.name(), GroupService.Sort.MEMBERS, null)).extracting(Group::id).doesNotContain(secret.id());
        groupMembers.invite(ana, secret.slug(), eve.handle());
        assertThat(groups.view(secret.slug(), eve).invited()).isTrue();
    }

    @Test
    void bannedPeopleLoseMembershipAndCannotComeBack() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group club = group(ana, "PRIVATE", "OPEN", List.of());
        groupJoining.join(bob, club.slug(), List.of());

        groupMembers.ban(ana, club.slug(), bob.handle(), "spam");

        assertThat(access.canRead(club, bob.id())).isFalse();
        assertThatThrownBy(() -> groupJoining.join(bob, club.slug(), List.of())).isInstanceOf(Forbidden.class);
        assertThat(groupMembers.bans(ana, club.slug())).extracting(Ban::handle).containsExactly(bob.handle());
        groupMembers.unban(ana, club.slug(), bob.handle());
        assertThat(groupJoining.join(bob, club.slug(), List.of())).isEqualTo(GroupJoining.JoinOutcome.JOINED);
    }

    @Test
    void moderatorsActOnMembersOnlyOwnersOnModerators() {
        Account ana = members.active("ana");
        Account mod = members.active("mod");
        Account mod2 = members.active("mod2");
        Account bob = members.active("bob");
        Group club = group(ana, "PUBLIC", "OPEN", List.of());
        for (Account a : List.of(mod, mod2, bob)) {
            groupJoining.join(a, club.slug(), List.of());
        }
        groupMembers.setRole(ana, club.slug(), mod.handle(), "MODERATOR");
        groupMembers.setRole(ana, club.slug(), mod2.handle(), "MODERATOR");

        assertThatThrownBy(() -> groupMembers.setRole(mod, club.slug(), bob.handle(), "MODERATOR")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> groupMembers.remove(mod, club.slug(), mod2.handle())).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> groupMembers.ban(mod, club.slug(), ana.handle(), "")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> groupMembers.remove(bob, club.slug(), mod.handle())).isInstanceOf(Forbidden.class);
        groupMembers.remove(mod, club.slug(), bob.handle());
        groupMembers.remove(ana, club.slug(), mod2.handle());
        assertThat(groupMembers.members(club.slug(), ana, 0)).extracting(Member::handle).containsExactly(ana.handle(), mod.handle());
    }

    @Test
    void aSoleOwnerWhoLeavesHandsTheGroupOn() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account mod = members.active("mod");
        Group club = group(ana, "PUBLIC", "OPEN", List.of());
        groupJoining.join(bob, club.slug(), List.of());
        groupJoining.join(mod, club.slug(), List.of());
        groupMembers.setRole(ana, club.slug(), mod.handle(), "MODERATOR");

        groupJoining.leave(ana, club.slug());

        assertThat(groups.view(club.slug(), mod).isOwner()).isTrue();
        assertThatThrownBy(() -> groupJoining.leave(ana, club.slug())).isInstanceOf(Conflict.class);
    }

    @Test
    void privateMemberListsAreForMembersOnly() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Group club = group(ana, "PRIVATE", "OPEN", List.of());
        assertThatThrownBy(() -> groupMembers.members(club.slug(), eve, 0)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> groupMembers.members(club.slug(), null, 0)).isInstanceOf(Forbidden.class);
        assertThat(groups.view(club.slug(), null).canRead()).isFalse();
    }

    @Test
    void theDirectoryListsPublicAndPrivateGroupsBiggestFirstPageByPage() {
        Account ana = members.active("ana");
        String marker = "dirtest" + Members.uniqueHandle("d").substring(2, 8);
        for (int i = 0; i < GroupService.PAGE_SIZE + 3; i++) {
            groups.create(ana, new GroupForm(slug("d"), marker + " " + i, "", "en", i % 2 == 0 ? "PUBLIC" : "PRIVATE", "OPEN", List.of(), false));
        }
        Group big = groups.create(ana, new GroupForm(slug("d"), marker + " big", "", "en", "PUBLIC", "OPEN", List.of(), false));
        groupJoining.join(members.active("x"), big.slug(), List.of());

        List<Group> first = groups.directory(marker, GroupService.Sort.MEMBERS, null);
        List<Group> second = groups.directory(marker, GroupService.Sort.MEMBERS, GroupService.cursorOf(first.getLast(), GroupService.Sort.MEMBERS));

        assertThat(first).hasSize(GroupService.PAGE_SIZE);
        assertThat(first.getFirst().id()).isEqualTo(big.id());
        assertThat(second).hasSize(4);
        assertThat(first).extracting(Group::id).doesNotContainAnyElementsOf(second.stream().map(Group::id).toList());
        assertThatThrownBy(() -> groups.directory(marker, GroupService.Sort.MEMBERS, "garbage")).isInstanceOf(InvalidInput.class);
        List<Group> recent = groups.directory(marker, GroupService.Sort.ACTIVITY, null);
        assertThat(recent).hasSize(GroupService.PAGE_SIZE);
    }

    @Test
    void activityIsRecordedToTheMinuteSoThatABusyGroupStaysInTheCache() {
        Group group = group(members.active("ana"), "PUBLIC", "OPEN", List.of());
        java.time.Instant old = java.time.Instant.now().minus(java.time.Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        db.sql("update topic_group set last_activity_at = ? where id = ?").params(java.sql.Timestamp.from(old), group.id()).update();
        caches.clearHere(); // as another node's write would, through the bus

        groups.recordActivity(group.id());
        java.time.Instant recorded = rows.byId(group.id()).orElseThrow().lastActivityAt();
        assertThat(recorded).isAfter(old.plus(java.time.Duration.ofHours(1)));

        // within the minute: the row is not written again, and the group read from the cache is the same record
        Group cached = rows.byId(group.id()).orElseThrow();
        groups.recordActivity(group.id());
        assertThat(rows.byId(group.id()).orElseThrow()).isSameAs(cached);
        assertThat(db.sql("select last_activity_at from topic_group where id = ?").param(group.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(recorded);

        // a minute later (its last activity set back as if it were): written again
        db.sql("update topic_group set last_activity_at = ? where id = ?")
                .params(java.sql.Timestamp.from(recorded.minus(GroupService.ACTIVITY_GRAIN).minusSeconds(1)), group.id()).update();
        caches.clearHere(); // as another node's write would, through the bus
        groups.recordActivity(group.id());
        assertThat(rows.byId(group.id()).orElseThrow().lastActivityAt()).isAfter(recorded.minusSeconds(1));
    }

    @Test
    void moderatorsOnlyGroupsLetMembersReadButNotPost() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group news = groups.create(ana, new GroupForm(slug("n"), "News", "", "en", "PUBLIC", "OPEN", List.of(), true));
        groupJoining.join(bob, news.slug(), List.of());
        assertThat(access.canPost(news, ana)).isTrue();
        assertThat(access.canPost(news, bob)).isFalse();
        assertThat(access.canTakePart(news, bob)).isTrue();
    }

    @Test
    void longMemberListsArePagedWithoutGapsAndStaffIsListedApart() {
        Account ana = members.active("ana");
        Group big = group(ana, "PUBLIC", "OPEN", List.of());
        for (int i = 0; i < GroupMembers.MEMBERS_PAGE + 4; i++) {
            groupJoining.join(members.active("m" + i), big.slug(), List.of());
        }
        List<Member> first = groupMembers.members(big.slug(), null, 0);
        List<Member> second = groupMembers.members(big.slug(), null, first.getLast().accountId());

        assertThat(first).hasSize(GroupMembers.MEMBERS_PAGE);
        assertThat(second).hasSize(5);
        assertThat(first).extracting(Member::accountId).isSorted().doesNotContainAnyElementsOf(second.stream().map(Member::accountId).toList());
        assertThat(groupMembers.staff(big.slug(), null)).extracting(Member::handle).containsExactly(ana.handle());
    }
}
