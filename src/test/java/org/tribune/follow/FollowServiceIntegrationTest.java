package org.tribune.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;

@IntegrationTest
@RecordApplicationEvents
class FollowServiceIntegrationTest {
    @Autowired
    FollowService follows;
    @Autowired
    Members members;

    @Test
    void aFollowIsSeenFromBothSides() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");

        assertThat(follows.follow(ana, bob.handle())).isTrue();

        assertThat(follows.isFollowing(ana.id(), bob.id())).isTrue();
        assertThat(follows.isFollowing(bob.id(), ana.id())).isFalse();
        assertThat(follows.followeeIds(ana.id())).containsExactly(bob.id());
        assertThat(follows.counts(ana.id())).isEqualTo(new FollowCounts(0, 1));
        assertThat(follows.counts(bob.id())).isEqualTo(new FollowCounts(1, 0));
        assertThat(follows.followers(bob.handle(), null).items()).containsExactly(new Person(ana.id(), ana.handle(), ana.displayName()));
        assertThat(follows.following(ana.handle(), null).items()).extracting(Person::handle).containsExactly(bob.handle());
    }

    @Test
    void followingTwiceKeepsOneFollowAndAnnouncesItOnce(ApplicationEvents events) {
        Account ana = members.active("ana");
        Account bob = members.active("bob");

        assertThat(follows.follow(ana, bob.handle())).isTrue();
        assertThat(follows.follow(ana, bob.handle().toUpperCase())).isFalse();

        assertThat(follows.counts(bob.id()).followers()).isEqualTo(1);
        assertThat(events.stream(FollowEvents.Followed.class).filter(e -> e.followerId() == ana.id()))
                .containsExactly(new FollowEvents.Followed(ana.id(), bob.id()));
    }

    @Test
    void unfollowingEndsTheFollowAndMayBeRepeated(ApplicationEvents events) {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        follows.follow(ana, bob.handle());

        assertThat(follows.unfollow(ana, bob.handle())).isTrue();
        assertThat(follows.unfollow(ana, bob.handle())).isFalse();

        assertThat(follows.isFollowing(ana.id(), bob.id())).isFalse();
        assertThat(follows.followeeIds(ana.id())).isEmpty();
        assertThat(follows.counts(bob.id())).isEqualTo(new FollowCounts(0, 0));
        assertThat(events.stream(FollowEvents.Unfollowed.class).filter(e -> e.followerId() == ana.id()))
                .containsExactly(new FollowEvents.Unfollowed(ana.id(), bob.id()));
    }

    @Test
    void nobodyFollowsThemselves() {
        Account ana = members.active("ana");

        assertThatThrownBy(() -> follows.follow(ana, ana.handle()))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("follow.not-yourself"));
        assertThat(follows.counts(ana.id())).isEqualTo(new FollowCounts(0, 0));
    }

    @Test
    void unknownHandlesAreNotFound() {
        Account ana = members.active("ana");
        String nobody = Members.uniqueHandle("nobody");

        assertThatThrownBy(() -> follows.follow(ana, nobody)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.unfollow(ana, nobody)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.followers(nobody, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.following(nobody, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.profile(nobody, ana.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.follow(ana, "x".repeat(31))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.follow(ana, null)).isInstanceOf(NotFound.class);
    }

    @Test
    void onlyActiveMembersFollow() {
        Account bob = members.active("bob");
        Account unverified = members.unverified("unv");
        Account waiting = members.waiting("wait");

        assertThatThrownBy(() -> follows.follow(unverified, bob.handle()))
                .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.code()).isEqualTo("follow.active-members-only"));
        assertThatThrownBy(() -> follows.follow(waiting, bob.handle())).isInstanceOf(Forbidden.class);
        assertThat(follows.counts(bob.id()).followers()).isZero();
    }

    @Test
    void waitingPeopleCanBeFollowedButUnverifiedOrSuspendedOnesCannot() {
        Account ana = members.active("ana");
        Account waiting = members.waiting("wait");
        Account unverified = members.unverified("unv");
        Account suspended = members.active("sus");
        members.suspend(suspended);

        assertThat(follows.follow(ana, waiting.handle())).isTrue();
        assertThatThrownBy(() -> follows.follow(ana, unverified.handle())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.follow(ana, suspended.handle())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.followers(suspended.handle(), null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> follows.profile(suspended.handle(), null)).isInstanceOf(NotFound.class);
    }

    @Test
    void suspendedPeopleDropOutOfListsAndCanStillBeUnfollowed() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        follows.follow(bob, ana.handle());
        follows.follow(eve, ana.handle());
        follows.follow(ana, eve.handle());

        members.suspend(eve);

        assertThat(follows.followers(ana.handle(), null).items()).extracting(Person::id).containsExactly(bob.id());
        assertThat(follows.following(ana.handle(), null).items()).isEmpty();
        assertThat(follows.unfollow(ana, eve.handle())).isTrue();
        assertThat(follows.followeeIds(ana.id())).isEmpty();
    }

    @Test
    void theProfileShowsPublicFieldsCountsAndWhetherTheViewerFollows() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        follows.follow(ana, bob.handle());

        Profile seenByAna = follows.profile(bob.handle(), ana.id());
        assertThat(seenByAna.id()).isEqualTo(bob.id());
        assertThat(seenByAna.handle()).isEqualTo(bob.handle());
        assertThat(seenByAna.counts()).isEqualTo(new FollowCounts(1, 0));
        assertThat(seenByAna.followedByMe()).isTrue();
        assertThat(follows.profile(bob.handle(), null).followedByMe()).isFalse();
        assertThat(follows.profile(bob.handle(), bob.id()).followedByMe()).isFalse();
    }

    @Test
    void listsComeFiftyAtATimeWithACursorForTheRest() {
        Account star = members.active("star");
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < FollowService.PAGE_SIZE + 3; i++) {
            Account fan = members.active("fan");
            follows.follow(fan, star.handle());
            follows.follow(star, fan.handle());
            fans.add(fan);
        }
        List<Long> newestFirst = fans.stream().map(Account::id).sorted(Comparator.reverseOrder()).toList();

        for (boolean followers : new boolean[] {true, false}) {
            People first = followers ? follows.followers(star.handle(), null) : follows.following(star.handle(), null);
            assertThat(first.items()).hasSize(FollowService.PAGE_SIZE);
            assertThat(first.next()).isNotNull();
            People second = followers ? follows.followers(star.handle(), first.next()) : follows.following(star.handle(), first.next());
            assertThat(second.items()).hasSize(3);
            assertThat(second.next()).as("the last page says it is the last").isNull();

            List<Long> all = new ArrayList<>(first.items().stream().map(Person::id).toList());
            all.addAll(second.items().stream().map(Person::id).toList());
            assertThat(all).isEqualTo(newestFirst);
        }
        assertThat(follows.counts(star.id())).isEqualTo(new FollowCounts(FollowService.PAGE_SIZE + 3, FollowService.PAGE_SIZE + 3));
        assertThat(follows.followeeIds(star.id())).containsExactlyInAnyOrderElementsOf(newestFirst);
    }

    @Test
    void aMalformedCursorIsInvalidInput() {
        Account ana = members.active("ana");

        assertThatThrownBy(() -> follows.followers(ana.handle(), "yesterday"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField()).containsKey("before"));
    }
}
