package org.tribune.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.NotFound;

/** Invitation links, with the gates closed so that only an invitation lets anyone in. */
@IntegrationTest
class InvitationServiceIntegrationTest {
    @Autowired
    InvitationService invitations;
    @Autowired
    AdmissionService admission;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trustLevels;
    @Autowired
    FollowService follows;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    JdbcClient db;

    @BeforeEach
    void closeGates() {
        admission.setDailyQuota(0, 0);
    }

    @AfterEach
    void openGates() {
        admission.setDailyQuota(null, 0);
    }

    static String token(InvitationService.Created created) {
        return created.link().substring(created.link().indexOf("invite=") + 7);
    }

    Account signUpAndVerify(String prefix, String token) {
        return members.verify(members.unverifiedWithInvitation(prefix, token));
    }

    InvitationService.Listed listed(Account inviter, long id) {
        return invitations.list(inviter, null).stream().filter(l -> l.invitation().id() == id).findFirst().orElseThrow();
    }

    /** Inviting is a right of trust level 2: the inviters of these tests have it. */
    Account trusted(Account account) {
        TrustFixture.set(trustLevels, account.id(), TrustLevel.MEMBER);
        return account;
    }

    @Test
    void anInviteeIsAdmittedAtVerificationEvenWithTheGatesClosed() {
        Account ana = trusted(members.active("ana"));
        InvitationService.Created created = invitations.create(ana);
        assertThat(created.link()).matches("https?://.+/signup\\?invite=[A-Za-z0-9_-]{43}");

        Account bob = signUpAndVerify("bob", token(created));

        assertThat(bob.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(listed(ana, created.invitation().id()).status()).isEqualTo(Invitation.Status.USED);
        assertThat(trusted(members.verified("carl")).state()).as("without a link, one waits").isEqualTo(AccountState.WAITING);
    }

    @Test
    void aLinkWorksOnce() {
        InvitationService.Created created = invitations.create(trusted(members.active("ana")));
        assertThat(signUpAndVerify("bob", token(created)).state()).isEqualTo(AccountState.ACTIVE);

        assertThat(signUpAndVerify("eve", token(created)).state()).isEqualTo(AccountState.WAITING);
    }

    @Test
    void anExpiredLinkAdmitsNobody() {
        Account ana = trusted(members.active("ana"));
        InvitationService.Created created = invitations.create(ana);
        assertThat(created.invitation().expiresAt()).isEqualTo(created.invitation().createdAt().plus(InvitationService.VALID_FOR));
        db.sql("update invitation set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), created.invitation().id()).update();

        assertThat(signUpAndVerify("bob", token(created)).state()).isEqualTo(AccountState.WAITING);
        assertThat(listed(ana, created.invitation().id()).status()).isEqualTo(Invitation.Status.EXPIRED);
    }

    @Test
    void aRevokedLinkAdmitsNobody() {
        Account ana = trusted(members.active("ana"));
        InvitationService.Created created = invitations.create(ana);

        invitations.revoke(ana, created.invitation().id());
        invitations.revoke(ana, created.invitation().id()); // twice changes nothing

        assertThat(signUpAndVerify("bob", token(created)).state()).isEqualTo(AccountState.WAITING);
        assertThat(listed(ana, created.invitation().id()).status()).isEqualTo(Invitation.Status.REVOKED);
    }

    @Test
    void aUsedLinkCannotBeRevoked() {
        Account ana = trusted(members.active("ana"));
        InvitationService.Created created = invitations.create(ana);
        signUpAndVerify("bob", token(created));

        assertThatThrownBy(() -> invitations.revoke(ana, created.invitation().id())).isInstanceOf(Conflict.class);
    }

    @Test
    void someoneElsesLinkCannotBeRevoked() {
        Account ana = trusted(members.active("ana"));
        Account eve = trusted(members.active("eve"));
        InvitationService.Created created = invitations.create(ana);

        assertThatThrownBy(() -> invitations.revoke(eve, created.invitation().id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> invitations.revoke(eve, 123L)).isInstanceOf(NotFound.class);

        assertThat(listed(ana, created.invitation().id()).status()).isEqualTo(Invitation.Status.UNUSED);
        assertThat(invitations.list(eve, null)).isEmpty();
        assertThat(signUpAndVerify("bob", token(created)).state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void aWaitingInviterIsAdmittedWhenTheirInviteeVerifies() {
        Account carl = trusted(members.verified("carl"));
        assertThat(carl.state()).isEqualTo(AccountState.WAITING);
        InvitationService.Created created = invitations.create(carl);

        Account dan = signUpAndVerify("dan", token(created));

        assertThat(dan.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(members.reload(carl).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(admission.position(carl.id())).isEmpty();
        assertThat(TestMail.await(carl.email(), 2).subject()).isEqualTo("You are in: welcome to Tribune");
    }

    @Test
    void anInviteeWhoNeverVerifiesAdmitsNobody() {
        Account carl = trusted(members.verified("carl"));
        members.unverifiedWithInvitation("dan", token(invitations.create(carl)));

        assertThat(members.reload(carl).state()).isEqualTo(AccountState.WAITING);
    }

    @Test
    void membersMakeFiveLinksAMonthAndAdminsAsManyAsTheyNeed() {
        Account ana = trusted(members.active("ana"));
        for (int i = 0; i < 5; i++) {
            invitations.create(ana);
        }
        assertThat(invitations.remainingThisMonth(ana)).isZero();
        assertThatThrownBy(() -> invitations.create(ana)).isInstanceOfSatisfying(Forbidden.class,
                e -> assertThat(e.code()).isEqualTo("invitation.limit-reached"));

        Account admin = members.admin("adm");
        for (int i = 0; i < 7; i++) {
            invitations.create(admin);
        }
        assertThat(invitations.remainingThisMonth(admin)).isEqualTo(-1);
    }

    @Test
    void unverifiedAndSuspendedPeopleCannotInvite() {
        Account unverified = members.unverified("unv");
        assertThatThrownBy(() -> invitations.create(unverified)).isInstanceOf(Forbidden.class);
        Account suspended = trusted(members.active("sus"));
        members.suspend(suspended);
        assertThatThrownBy(() -> invitations.create(members.reload(suspended))).isInstanceOf(Forbidden.class);
    }

    @Test
    void theInviteeIsNamedOnlyOnceTheyFollowEachOther() {
        Account ana = trusted(members.active("ana"));
        InvitationService.Created created = invitations.create(ana);
        Account bob = signUpAndVerify("bob", token(created));

        assertThat(listed(ana, created.invitation().id()).inviteeHandle()).isNull();
        follows.follow(ana, bob.handle());
        assertThat(listed(ana, created.invitation().id()).inviteeHandle()).as("one way is not enough").isNull();
        follows.follow(bob, ana.handle());
        assertThat(listed(ana, created.invitation().id()).inviteeHandle()).isEqualTo(bob.handle());
    }

    @Test
    void theInviteeIsNamedOnceTheyShareAGroup() {
        Account ana = trusted(members.active("ana"));
        InvitationService.Created created = invitations.create(ana);
        Account bob = signUpAndVerify("bob", token(created));
        Group group = groups.create(ana, new GroupForm(("inv-" + Members.uniqueHandle("g").substring(2)).toLowerCase()
                .replace('_', '-'), "Friends", "", "en", "PUBLIC", "OPEN", List.of(), false));
        assertThat(listed(ana, created.invitation().id()).inviteeHandle()).isNull();

        groupJoining.join(bob, group.slug(), List.of());

        assertThat(listed(ana, created.invitation().id()).inviteeHandle()).isEqualTo(bob.handle());
    }

    @Test
    void aForgedOrOverlongCodeIsIgnoredAndThePersonWaits() {
        assertThat(signUpAndVerify("bob", "forged-code").state()).isEqualTo(AccountState.WAITING);
        assertThat(signUpAndVerify("eve", "x".repeat(500)).state()).isEqualTo(AccountState.WAITING);
    }

    @Test
    void belowTrustLevelTwoNobodyButAdministratorsInvites() {
        Account basic = members.active("basic");
        TrustFixture.set(trustLevels, basic.id(), TrustLevel.BASIC);
        assertThat(invitations.trusted(basic)).isFalse();
        assertThatThrownBy(() -> invitations.create(basic)).isInstanceOfSatisfying(Forbidden.class,
                e -> assertThat(e.code()).isEqualTo("invitation.trust-level"));
        assertThatThrownBy(() -> invitations.create(members.active("newcomer"))).isInstanceOf(Forbidden.class);

        TrustFixture.set(trustLevels, basic.id(), TrustLevel.MEMBER);
        assertThat(invitations.create(basic).link()).contains("invite=");
        assertThat(invitations.create(members.admin("adm")).link()).as("administrators at any level").contains("invite=");
    }
}
