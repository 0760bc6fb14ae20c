package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.platform.Conflict;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.SignedLinks;

@IntegrationTest
class AccountServiceIntegrationTest {
    @Autowired
    AccountService accounts;
    @Autowired
    Members members;
    @Autowired
    SignedLinks links;
    @Autowired
    JdbcClient db;

    static SignUp signUp(String handle) {
        return new SignUp(handle, Members.emailOf(handle), Members.PASSWORD, "fr", true);
    }

    @Test
    void signingUpMakesAnUnverifiedAccountAndMailsALinkInItsLanguage() {
        String handle = Members.uniqueHandle("lea");

        Registration registration = accounts.signUp(signUp(handle), "192.0.2.10");

        assertThat(registration.state()).isEqualTo(AccountState.UNVERIFIED);
        Account account = accounts.byHandle(handle).orElseThrow();
        assertThat(account.state()).isEqualTo(AccountState.UNVERIFIED);
        assertThat(account.displayName()).isEqualTo(handle);
        TestMail.Mail mail = TestMail.await(account.email());
        assertThat(mail.subject()).isEqualTo("Confirmez votre adresse Tribune");
        assertThat(mail.link("/verify")).contains("token=");
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesWithOwaspParameters() {
        Account account = members.active("hash");
        String hash = db.sql("select password_hash from account where id = ?").param(account.id()).query(String.class).single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(Members.PASSWORD);
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndItsOwnerIsTold() {
        Account ana = members.active("ana");
        String otherHandle = Members.uniqueHandle("ana2");

        Registration again = accounts.signUp(new SignUp(otherHandle, ana.email().toUpperCase(), Members.PASSWORD, "en", true), "192.0.2.11");

        assertThat(again.state()).isEqualTo(AccountState.UNVERIFIED);
        assertThat(again.handle()).isEqualTo(otherHandle);
        assertThat(accounts.byHandle(otherHandle)).isEmpty();
        assertThat(TestMail.await(ana.email(), 2).subject()).isEqualTo("Someone tried to sign up with your address");
    }

    @Test
    void handlesAreUniqueWhateverTheirCase() {
        Account ana = members.active("Ana");
        String upper = ana.handle().toUpperCase();
        assertThatThrownBy(() -> accounts.signUp(signUp(upper).withEmail("x" + Members.emailOf(upper)), "192.0.2.12"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField()).containsKey("handle"));
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        assertThatThrownBy(() -> accounts.signUp(new SignUp("a", "nope", "short", "de", false), "192.0.2.13"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField().keySet())
                        .containsExactlyInAnyOrder("handle", "email", "password", "locale", "acceptConduct"));
    }

    @Test
    void theVerificationLinkActivatesOnceAndOnlyForItsAddress() {
        Account bob = members.unverified("bob");
        String token = links.sign(AccountService.VERIFY, bob.id() + ":" + bob.email(), Duration.ofHours(1));

        Account verified = accounts.verify(token);

        assertThat(verified.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(verified.verifiedAt()).isNotNull();
        assertThat(accounts.verify(token).state()).isEqualTo(AccountState.ACTIVE); // following it again changes nothing
    }

    @Test
    void aLinkForAnOldAddressDoesNotVerifyTheNewOne() {
        Account bob = members.unverified("bob");
        String token = links.sign(AccountService.VERIFY, bob.id() + ":old-" + bob.email(), Duration.ofHours(1));
        assertThatThrownBy(() -> accounts.verify(token)).isInstanceOf(Conflict.class);
        assertThat(members.reload(bob).state()).isEqualTo(AccountState.UNVERIFIED);
    }

    @Test
    void expiredAndForgedLinksAreRefused() {
        Account bob = members.unverified("bob");
        String expired = links.sign(AccountService.VERIFY, bob.id() + ":" + bob.email(), Duration.ofSeconds(-1));
        assertThatThrownBy(() -> accounts.verify(expired)).isInstanceOfSatisfying(SignedLinks.InvalidLink.class,
                e -> assertThat(e.refusal()).isEqualTo(SignedLinks.Refusal.EXPIRED));
        assertThatThrownBy(() -> accounts.verify("forged.123.abc")).isInstanceOf(SignedLinks.InvalidLink.class);
        assertThat(members.reload(bob).state()).isEqualTo(AccountState.UNVERIFIED);
    }

    @Test
    void resendingSendsANewLinkOnlyToUnverifiedAccounts() {
        Account bob = members.unverified("bob");
        Account ana = members.active("ana");

        accounts.resendVerification(bob.email(), "192.0.2.14");
        accounts.resendVerification(ana.email(), "192.0.2.14");
        accounts.resendVerification("nobody@example.test", "192.0.2.14");

        assertThat(TestMail.await(bob.email(), 2).link("/verify")).contains("token=");
        assertThat(TestMail.to(ana.email())).hasSize(1);
    }

    @Test
    void aResetCodeSetsANewPasswordOnceAndSignsOutEverywhere() {
        Account ana = members.active("ana");
        accounts.requestPasswordReset(ana.email(), "192.0.2.15");
        String code = TestMail.await(ana.email(), 2).token("/reset-password/new");
        assertThat(accounts.isResetCodeValid(code)).isTrue();

        accounts.resetPassword(code, "a brand new passphrase");

        assertThat(accounts.isResetCodeValid(code)).isFalse();
        assertThatThrownBy(() -> accounts.resetPassword(code, "yet another passphrase")).isInstanceOf(Conflict.class);
        assertThat(TestMail.await(ana.email(), 3).subject()).isEqualTo("Your Tribune password was changed");
    }

    @Test
    void aResetForAnUnknownAddressSendsNothingAndSaysNothing() {
        accounts.requestPasswordReset("ghost-" + Members.uniqueHandle("g") + "@example.test", "192.0.2.16");
        assertThatThrownBy(() -> accounts.resetPassword("made-up-code", "a brand new passphrase")).isInstanceOf(Conflict.class);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        Account ana = members.active("ana");
        assertThatThrownBy(() -> accounts.changePassword(ana.id(), "wrong current one", "a brand new passphrase", "none"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField()).containsKey("currentPassword"));
        accounts.changePassword(ana.id(), Members.PASSWORD, "a brand new passphrase", "none");
        assertThatThrownBy(() -> accounts.changePassword(ana.id(), Members.PASSWORD, "another new passphrase", "none"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aNewAddressCountsOnlyOnceItIsConfirmed() {
        Account ana = members.active("ana");
        String newAddress = "new-" + ana.email();

        accounts.requestEmailChange(ana.id(), Members.PASSWORD, newAddress);

        assertThat(members.reload(ana).email()).isEqualTo(ana.email());
        String token = TestMail.await(newAddress).token("/settings/email/confirm");
        assertThat(accounts.confirmEmailChange(token).email()).isEqualTo(newAddress);
        assertThat(TestMail.await(ana.email(), 2).subject()).isEqualTo("Your Tribune address was changed");
    }

    @Test
    void movingToAnAddressThatHasAnAccountChangesNothing() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");

        accounts.requestEmailChange(ana.id(), Members.PASSWORD, bob.email());

        assertThat(TestMail.await(bob.email(), 2).subject()).isEqualTo("Your address was offered for another Tribune account");
        assertThat(members.reload(ana).email()).isEqualTo(ana.email());
        String forged = links.sign(AccountService.CHANGE_EMAIL, ana.id() + ":" + bob.email(), Duration.ofHours(1));
        assertThatThrownBy(() -> accounts.confirmEmailChange(forged)).isInstanceOf(Conflict.class);
    }

    @Test
    void displayNameChangesAreKept() {
        Account ana = members.active("ana");
        accounts.updateProfile(ana.id(), "Ana Lima", "I *love* maps.");
        members.ageNameChanges(ana.id(), 8);
        accounts.updateProfile(ana.id(), "Ana L.", "I *love* maps.");

        assertThat(accounts.displayNameHistory(ana.id())).extracting(DisplayNameChange::newName).containsExactly("Ana L.", "Ana Lima");
        assertThat(members.reload(ana).bio()).isEqualTo("I *love* maps.");
    }

    @Test
    void profileLimitsAreEnforced() {
        Account ana = members.active("ana");
        assertThatThrownBy(() -> accounts.updateProfile(ana.id(), " ", "x".repeat(5001)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField()).containsKeys("displayName", "bio"));
        assertThatThrownBy(() -> accounts.updatePreferences(ana.id(), "fr", "Mars/Olympus")).isInstanceOf(InvalidInput.class);
        assertThat(accounts.updatePreferences(ana.id(), "fr", "Europe/Paris").timeZone()).isEqualTo("Europe/Paris");
    }
}
