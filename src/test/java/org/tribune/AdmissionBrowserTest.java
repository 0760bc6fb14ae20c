package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;
import org.tribune.admission.AdmissionService;

/**
 * The way in, in headless Chromium, with the gates closed (a daily quota of 0): a newcomer signs up, waits, and
 * comes in by a test donation; another comes in by a member's invitation link. Every step leaves a full-page
 * screenshot {@code target/screenshots/admission-NN-name.png}; every request stays on Tribune's own origin and
 * nothing is reported in the browser console.
 */
@IntegrationTest
@Tag("browser")
class AdmissionBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trustLevels;
    @Autowired
    AdmissionService admission;
    @Autowired
    AccountService accounts;

    private Chromium chromium;

    /** Inviting is a right of trust level 2: the inviters of these tests have it. */
    Account trusted(Account account) {
        TrustFixture.set(trustLevels, account.id(), TrustLevel.MEMBER);
        return account;
    }

    @BeforeEach
    void closeTheGatesAndStartChromium() {
        admission.setDailyQuota(0, 0);
        chromium = Chromium.start(port, "admission-");
    }

    @AfterEach
    void stopChromiumAndOpenTheGates() {
        admission.setDailyQuota(null, 0); // the other tests of the run expect open gates
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewcomerWaitsThenComesInByATestDonation() {
        String handle = Members.uniqueHandle("donor");
        String email = Members.emailOf(handle);

        chromium.open("/");
        assertThat(chromium.lang()).isEqualTo("en");
        chromium.screenshot("01-welcome");

        chromium.follow(chromium.driver().findElement(By.linkText("Join Tribune")));
        assertThat(chromium.path()).isEqualTo("/signup");
        signUp(handle, email);
        chromium.screenshot("02-signup-filled");

        chromium.follow(chromium.button("Create my account"));
        assertThat(chromium.path()).isEqualTo("/signup/done");
        assertThat(chromium.text()).contains(email);
        chromium.screenshot("03-check-your-mail");

        verify(email);
        assertThat(chromium.h1()).isEqualTo("Address confirmed");
        assertThat(chromium.text()).contains("@" + handle).contains("You are on the waiting list");
        chromium.screenshot("04-address-confirmed-waiting");

        chromium.follow(chromium.driver().findElement(By.cssSelector("main a.button")));
        logIn(email);
        chromium.screenshot("05-login");
        chromium.follow(chromium.button("Log in"));
        assertThat(chromium.path()).isEqualTo("/waitlist");
        assertThat(chromium.h1()).isEqualTo("You are on the waiting list");
        assertThat(chromium.text()).containsPattern("Your place in the queue: \\d+\\.")
                .contains("Admissions are paused for now").contains("A way in sooner");
        // Inviting friends needs trust level 2, which nobody has on the waiting list.
        assertThat(chromium.driver().findElements(By.cssSelector("main a[href='/invitations']"))).isEmpty();
        assertThat(chromium.driver().findElements(By.cssSelector("main a[href='/donate']"))).hasSize(1);
        chromium.screenshot("06-waitlist");

        chromium.follow(chromium.driver().findElement(By.cssSelector("main a[href='/donate']")));
        assertThat(chromium.path()).isEqualTo("/donate");
        assertThat(chromium.h1()).isEqualTo("Support Tribune");
        assertThat(chromium.text()).contains("Every feature of Tribune is free for everyone").contains("Offline mode.");
        chromium.screenshot("07-donate");

        chromium.driver().findElement(By.cssSelector("input[name=interval][value=MONTHLY]")).click();
        new Select(chromium.field("currency")).selectByValue("USD");
        chromium.field("amount").clear();
        chromium.field("amount").sendKeys("13");
        chromium.screenshot("08-donate-monthly-13");

        chromium.follow(chromium.button("Continue to the test payment"));
        assertThat(chromium.path()).matches("/donate/\\d+");
        assertThat(chromium.text()).contains("Test payment").contains("$13.00").contains("Every month");
        chromium.screenshot("09-test-payment");

        chromium.follow(chromium.button("Pay (test, no money moves)"));
        assertThat(chromium.path()).matches("/donate/\\d+");
        assertThat(chromium.driver().findElement(By.cssSelector(".notice[role=status], .notice")).getText()).isNotBlank();
        assertThat(chromium.text()).contains("Test payment done").contains("you are in");
        chromium.screenshot("10-paid");

        assertThat(accounts.byHandle(handle).orElseThrow().state()).isEqualTo(AccountState.ACTIVE);
        assertThat(TestMail.to(email)).anyMatch(mail -> mail.subject().startsWith("Your receipt"));

        chromium.open("/");
        assertThat(chromium.path()).as("admitted: the home feed, no longer the waiting list").isEqualTo("/");
        assertThat(chromium.h1()).startsWith("Welcome");
        chromium.screenshot("11-admitted-home");
        chromium.open("/waitlist");
        assertThat(chromium.path()).isEqualTo("/");

        chromium.assertEverythingCameFromTribune();
    }

    @Test
    void aNewcomerComesInAtOnceByAMembersInvitationLink() {
        Account ana = trusted(members.active("ana"));
        chromium.open("/login");
        logIn(ana.email());
        chromium.follow(chromium.button("Log in"));
        chromium.open("/invitations");
        assertThat(chromium.h1()).isEqualTo("Invitations");
        chromium.screenshot("20-invitations");
        chromium.follow(chromium.button("Make an invitation link"));
        String link = chromium.field("created-link").getDomAttribute("value");
        assertThat(link).contains("/signup?invite=");
        chromium.screenshot("21-invitation-made");
        chromium.driver().manage().deleteAllCookies(); // Ana leaves; the newcomer uses the same browser

        String handle = Members.uniqueHandle("invited");
        String email = Members.emailOf(handle);
        URI invite = URI.create(link);
        chromium.open(invite.getRawPath() + "?" + invite.getRawQuery());
        assertThat(chromium.text()).contains("You were invited");
        signUp(handle, email);
        chromium.screenshot("22-signup-invited");
        chromium.follow(chromium.button("Create my account"));
        assertThat(chromium.path()).isEqualTo("/signup/done");

        verify(email);
        assertThat(chromium.h1()).isEqualTo("Address confirmed");
        assertThat(chromium.text()).doesNotContain("waiting list").contains("You are in");
        chromium.screenshot("23-invited-confirmed");

        chromium.follow(chromium.driver().findElement(By.cssSelector("main a.button")));
        logIn(email);
        chromium.follow(chromium.button("Log in"));
        assertThat(chromium.path()).as("in at once: the home feed, not the waiting list").isEqualTo("/");
        assertThat(chromium.h1()).startsWith("Welcome");
        chromium.screenshot("24-invited-home");

        chromium.driver().manage().deleteAllCookies(); // someone else tries the same link, now used
        chromium.open(invite.getRawPath() + "?" + invite.getRawQuery());
        assertThat(chromium.text()).contains("This invitation link is not valid").doesNotContain("You were invited");
        assertThat(chromium.driver().findElements(By.id("handle"))).as("they may still sign up and wait").hasSize(1);
        chromium.screenshot("25-invitation-link-used");
        chromium.open(invite.getRawPath() + "?" + invite.getRawQuery() + "&lang=fr");
        assertThat(chromium.text()).contains("Ce lien d’invitation n’est pas valable");
        chromium.screenshot("26-invitation-link-used-fr");

        chromium.assertEverythingCameFromTribune();
    }

    @Test
    void theWaitingListAndDonatePagesFitAPhoneAndReadInFrench() {
        Account waiting = members.waiting("phone");
        chromium.open("/login");
        logIn(waiting.email());
        chromium.follow(chromium.button("Log in"));
        assertThat(chromium.path()).isEqualTo("/waitlist");

        chromium.onPhone();
        chromium.open("/waitlist");
        chromium.assertNoSidewaysScrolling();
        chromium.screenshot("30-phone-waitlist");
        chromium.open("/donate");
        chromium.assertNoSidewaysScrolling();
        chromium.screenshot("31-phone-donate");
        chromium.onDesktop();

        chromium.open("/donate?lang=fr");
        assertThat(chromium.lang()).isEqualTo("fr");
        chromium.screenshot("32-donate-fr");
        chromium.open("/transparency?lang=fr");
        assertThat(chromium.lang()).isEqualTo("fr");
        chromium.screenshot("33-transparency-fr");

        chromium.assertEverythingCameFromTribune();
    }

    private void signUp(String handle, String email) {
        chromium.field("handle").sendKeys(handle);
        chromium.field("email").sendKeys(email);
        chromium.field("password").sendKeys(Members.PASSWORD);
        new Select(chromium.field("locale")).selectByVisibleText("English");
        chromium.field("acceptConduct").sendKeys(Keys.SPACE);
    }

    /** The mail's link names tribune.base-url, which cannot know the test's random port: its path and token do. */
    private void verify(String email) {
        URI link = URI.create(TestMail.await(email).link("/verify"));
        chromium.open(link.getRawPath() + "?" + link.getRawQuery());
    }

    private void logIn(String email) {
        assertThat(chromium.path()).isEqualTo("/login");
        chromium.field("email").sendKeys(email);
        chromium.field("password").sendKeys(Members.PASSWORD);
    }
}
