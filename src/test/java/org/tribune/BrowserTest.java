package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;

/**
 * Tribune in a real browser, headless Chromium, used as a person would: by the links, forms and buttons on the
 * pages. Every step leaves a full-page screenshot in {@code target/screenshots} for people to look at, and every
 * request the pages make is checked to stay on Tribune's own origin.
 */
@IntegrationTest
@Tag("browser")
class BrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;

    private Chromium chromium;

    @BeforeEach
    void startChromium() {
        chromium = Chromium.start(port);
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewcomerSignsUpConfirmsTheAddressLogsInAndSwitchesToFrench() {
        String handle = Members.uniqueHandle("walk");
        String email = Members.emailOf(handle);

        chromium.open("/");
        assertThat(chromium.h1()).isEqualTo("A social network that works for you, not for advertisers");
        assertThat(chromium.lang()).isEqualTo("en");
        chromium.screenshot("01-welcome");

        chromium.follow(chromium.driver().findElement(By.linkText("Join Tribune")));
        assertThat(chromium.path()).isEqualTo("/signup");
        assertThat(chromium.h1()).isEqualTo("Join Tribune");
        chromium.screenshot("02-signup");

        chromium.field("handle").sendKeys(handle);
        chromium.field("email").sendKeys(email);
        chromium.field("password").sendKeys(Members.PASSWORD);
        new Select(chromium.field("locale")).selectByVisibleText("English");
        chromium.field("acceptConduct").sendKeys(Keys.SPACE); // by keyboard, so the focus ring shows
        assertThat(chromium.field("acceptConduct").isSelected()).isTrue();
        chromium.screenshot("03-signup-filled");

        chromium.follow(chromium.button("Create my account"));
        assertThat(chromium.path()).isEqualTo("/signup/done");
        assertThat(chromium.h1()).isEqualTo("Check your e-mail");
        assertThat(chromium.text()).contains(email);
        chromium.screenshot("04-check-your-mail");

        URI link = URI.create(TestMail.await(email).link("/verify"));
        assertThat(link.getPath()).isEqualTo("/verify");
        // The mail's host is tribune.base-url, which cannot know the test's random port; the path and token are
        // what the link is about.
        chromium.open(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(chromium.h1()).isEqualTo("Address confirmed");
        assertThat(chromium.text()).contains("@" + handle);
        chromium.screenshot("05-address-confirmed");

        chromium.follow(chromium.driver().findElement(By.cssSelector("main a.button")));
        assertThat(chromium.path()).isEqualTo("/login");
        assertThat(chromium.h1()).isEqualTo("Log in");
        chromium.field("email").sendKeys(email);
        chromium.field("password").sendKeys(Members.PASSWORD);
        chromium.screenshot("06-login");

        chromium.follow(chromium.button("Log in"));
        assertThat(chromium.path()).isEqualTo("/");
        assertThat(chromium.h1()).startsWith("Welcome");
        assertThat(header().getText()).contains("@" + handle);
        chromium.screenshot("07-home");

        chromium.follow(chromium.accountMenu().findElement(By.linkText("Settings")));
        assertThat(chromium.path()).isEqualTo("/settings");
        assertThat(chromium.h1()).isEqualTo("Settings");
        chromium.screenshot("08-settings");

        new Select(chromium.field("locale")).selectByVisibleText("Français");
        chromium.follow(chromium.driver().findElement(By.cssSelector("form[action='/settings/preferences'] button[type=submit]")));
        assertThat(chromium.path()).isEqualTo("/settings");
        assertThat(chromium.lang()).isEqualTo("fr");
        assertThat(chromium.h1()).isEqualTo("Réglages");
        assertThat(chromium.driver().findElement(By.cssSelector(".notice")).getText()).isNotBlank();
        assertThat(new Select(chromium.field("locale")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("fr");
        assertThat(languageButton("fr").getDomAttribute("aria-pressed")).isEqualTo("true");
        chromium.screenshot("09-settings-fr");

        chromium.follow(languageButton("en"));
        assertThat(chromium.path()).isEqualTo("/settings");
        assertThat(chromium.lang()).isEqualTo("en");
        assertThat(chromium.h1()).isEqualTo("Settings");
        assertThat(languageButton("en").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(languageButton("fr").getDomAttribute("aria-pressed")).isEqualTo("false");
        chromium.screenshot("10-settings-en-by-header");

        chromium.follow(languageButton("fr"));
        assertThat(chromium.lang()).isEqualTo("fr");
        assertThat(chromium.h1()).isEqualTo("Réglages");
        chromium.follow(header().findElement(By.linkText("Accueil")));
        assertThat(chromium.lang()).isEqualTo("fr");
        assertThat(chromium.h1()).startsWith("Bienvenue");
        chromium.screenshot("11-home-fr");

        chromium.assertEverythingCameFromTribune();
    }

    @Test
    void theLanguageButtonsStayOnThePageAfterAMistakeOrAMissingPage() {
        Account member = members.active("lang");
        chromium.open("/login");
        chromium.field("email").sendKeys(member.email());
        chromium.field("password").sendKeys(Members.PASSWORD);
        chromium.follow(chromium.button("Log in"));

        chromium.open("/settings");
        chromium.field("displayName").clear();
        chromium.field("displayName").sendKeys("   "); // passes the browser's own check for a required field, not Tribune's
        chromium.follow(chromium.driver().findElement(By.cssSelector("form[action='/settings/profile'] button[type=submit]")));
        assertThat(chromium.path()).isEqualTo("/settings/profile");
        assertThat(chromium.driver().findElement(By.id("displayName-error")).getText()).isEqualTo("Please enter a name.");
        chromium.screenshot("40-settings-mistake");
        chromium.follow(languageButton("fr"));
        assertThat(chromium.path()).isEqualTo("/settings");
        assertThat(chromium.h1()).isEqualTo("Réglages");
        chromium.screenshot("41-settings-mistake-then-fr");

        chromium.expectMissing("/no-such-page");
        chromium.open("/no-such-page");
        assertThat(chromium.h1()).isEqualTo("Page introuvable");
        chromium.follow(languageButton("en"));
        assertThat(chromium.path()).isEqualTo("/no-such-page");
        assertThat(chromium.h1()).isEqualTo("Page not found");
        assertThat(chromium.text()).contains("There is nothing here");
        chromium.screenshot("42-missing-page-en");

        chromium.assertEverythingCameFromTribune();
    }

    @Test
    void signUpMistakesAreShownBesideTheirFields() {
        chromium.open("/signup");

        chromium.follow(chromium.button("Create my account"));
        assertThat(chromium.path()).isEqualTo("/signup");
        assertThat(chromium.driver().findElement(By.cssSelector(".error-summary")).getText())
                .contains("A handle has 3 to 30 letters, digits or underscores.")
                .contains("Please accept the code of conduct to join.");
        assertThat(chromium.field("handle").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(chromium.driver().findElement(By.id("handle-error")).getText()).isNotBlank();
        chromium.screenshot("20-signup-empty");
        chromium.inDarkMode(true);
        chromium.screenshot("21-signup-empty-dark");
        chromium.inDarkMode(false);

        chromium.field("handle").sendKeys("no spaces, please!");
        chromium.field("email").sendKeys("someone@example.test");
        chromium.field("password").sendKeys(Members.PASSWORD);
        chromium.field("acceptConduct").sendKeys(Keys.SPACE);
        chromium.follow(chromium.button("Create my account"));
        assertThat(chromium.driver().findElements(By.cssSelector(".error-summary li"))).hasSize(1);
        assertThat(chromium.field("handle").getDomAttribute("value")).isEqualTo("no spaces, please!");
        assertThat(chromium.field("email").getDomAttribute("value")).isEqualTo("someone@example.test");
        assertThat(chromium.field("password").getDomAttribute("value")).isEmpty();
        chromium.screenshot("22-signup-bad-handle");

        chromium.follow(chromium.driver().findElement(By.cssSelector(".error-summary a")));
        assertThat(chromium.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("handle");

        chromium.assertEverythingCameFromTribune();
    }

    @Test
    void pagesFitAPhone() {
        Account member = members.active("phone");
        chromium.onPhone();

        chromium.open("/");
        chromium.assertNoSidewaysScrolling();
        chromium.screenshot("30-phone-welcome");

        chromium.open("/signup");
        chromium.follow(chromium.button("Create my account"));
        chromium.assertNoSidewaysScrolling();
        chromium.screenshot("31-phone-signup-errors");

        chromium.open("/login");
        chromium.field("email").sendKeys(member.email());
        chromium.field("password").sendKeys(Members.PASSWORD);
        chromium.follow(chromium.button("Log in"));
        chromium.open("/settings");
        assertThat(chromium.h1()).isEqualTo("Settings");
        chromium.assertNoSidewaysScrolling();
        chromium.screenshot("32-phone-settings");

        chromium.assertEverythingCameFromTribune();
    }

    private WebElement languageButton(String language) {
        return chromium.accountMenu().findElement(By.cssSelector("form.language button[value='" + language + "']"));
    }

    private WebElement header() {
        return chromium.driver().findElement(By.cssSelector("header.site-header"));
    }
}
