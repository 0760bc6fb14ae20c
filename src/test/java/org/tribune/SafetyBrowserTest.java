package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.follow.FollowService;
import org.tribune.post.PostService;

/**
 * Keeping one's space safe, on a phone, in headless Chromium: muting from the profile menu, the settings lists with
 * undo, a word filter folding a post, a content warning, and a block with the blocked person's view of it.
 * Screenshots: {@code target/screenshots/safety-NN-name.png} (copies in docs/screens/safety).
 */
@IntegrationTest
@Tag("browser")
class SafetyBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    FollowService follows;
    @Autowired
    PostService posts;

    private final List<Chromium> browsers = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(Chromium::close);
    }

    private Chromium signedIn(Account account) {
        Chromium browser = Chromium.start(port, "safety-");
        browsers.add(browser);
        browser.onPhone();
        browser.open("/login");
        browser.field("email").sendKeys(account.email());
        browser.field("password").sendKeys(Members.PASSWORD);
        browser.follow(browser.button("Log in"));
        return browser;
    }

    private static WebElement summary(Chromium browser, String text) {
        return browser.driver().findElement(By.xpath("//main//summary[contains(normalize-space(), '" + text + "')]"));
    }

    @Test
    void mutingFilteringWarningsAndBlockingAsAPersonDoesIt() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account carol = members.active("carol");
        Account dan = members.active("dan");
        for (Account other : List.of(bob, carol, dan)) {
            follows.follow(ana, other.handle());
        }
        posts.publish(bob, null, new PostService.Draft("", "Bob's daily rant about parking", null));
        posts.publish(carol, null, new PostService.Draft("Season finale tonight", "Who else is watching the finale?", null));
        posts.publish(dan, null, new PostService.Draft("", "The detective was the butler all along.", null, "spoilers for the novel"));
        posts.publish(dan, null, new PostService.Draft("", "Dan says hello", null));

        Chromium anas = signedIn(ana);
        assertThat(anas.text()).contains("Bob's daily rant", "Who else is watching", "Dan says hello");
        assertThat(anas.text()).doesNotContain("The detective was the butler"); // folded behind its warning
        anas.screenshot("01-home-with-a-content-warning");
        anas.driver().findElement(By.xpath("//main//summary[contains(., 'Content warning: spoilers for the novel')]")).click();
        assertThat(anas.text()).contains("The detective was the butler");
        anas.screenshot("02-content-warning-opened");

        // Mute bob for a week from the menu on his profile.
        anas.open("/@" + bob.handle());
        summary(anas, "More").click();
        anas.screenshot("03-profile-menu");
        new Select(anas.field("mute-days")).selectByVisibleText("7 days");
        anas.follow(anas.button("Mute"));
        assertThat(anas.text()).contains("Muted. They are not told.", "You muted this person");
        anas.screenshot("04-muted");
        anas.open("/");
        assertThat(anas.text()).doesNotContain("Bob's daily rant").contains("Dan says hello");
        anas.screenshot("05-home-without-bob");

        // A word filter that folds posts behind a warning naming it.
        anas.open("/settings/safety");
        anas.field("filter-phrase").sendKeys("Finale");
        anas.screenshot("06-settings-adding-a-filter");
        anas.follow(anas.button("Add the filter"));
        assertThat(anas.text()).contains("Filter added.", "Finale");
        anas.open("/");
        assertThat(anas.text()).contains("Filtered: “Finale” — show").doesNotContain("Who else is watching");
        anas.screenshot("07-home-post-folded-by-a-filter");
        summary(anas, "Filtered: “Finale”").click();
        assertThat(anas.text()).contains("Who else is watching");
        anas.screenshot("08-filtered-post-opened");

        // Block dan; then what dan sees of ana.
        anas.open("/@" + dan.handle());
        summary(anas, "More").click();
        anas.follow(anas.button("Block"));
        assertThat(anas.text()).contains("Blocked. They are not told.", "You blocked this person");
        anas.screenshot("09-blocked");
        anas.open("/settings/safety");
        assertThat(anas.text()).contains("@" + dan.handle(), "@" + bob.handle());
        anas.screenshot("10-settings-lists-with-undo");
        anas.open("/");
        assertThat(anas.text()).doesNotContain("Dan says hello");

        Chromium dans = signedIn(dan);
        dans.expectMissing("/@" + ana.handle());
        dans.open("/@" + ana.handle());
        assertThat(dans.h1()).isEqualTo("Page not found");
        assertThat(dans.text()).doesNotContainIgnoringCase("block");
        dans.screenshot("11-the-blocked-persons-view");

        // Undo from the settings list.
        anas.open("/settings/safety");
        anas.follow(anas.driver().findElement(By.cssSelector("form[action='/@" + bob.handle() + "/unmute'] button")));
        assertThat(anas.text()).contains("Unmuted.");
        anas.open("/");
        assertThat(anas.text()).contains("Bob's daily rant");

        anas.assertEverythingCameFromTribune();
        dans.assertEverythingCameFromTribune();
    }
}
