package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.follow.FollowService;
import org.tribune.platform.SecretTokens;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.post.preview.LinkPreviews;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * Source labels in headless Chromium: a trust level 3 member labels a domain as satire with a source, a post linking
 * to that site shows the label on its preview in a reader's feed, and the reader follows the label to the domain's
 * page and its history, on a desktop and on a phone. Screenshots: {@code target/screenshots/sources-NN-name.png}.
 */
@IntegrationTest
@Tag("browser")
class SourcesBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trust;
    @Autowired
    PostService posts;
    @Autowired
    FollowService follows;
    @Autowired
    JdbcClient db;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aRegularLabelsASatireSiteAndAReaderFollowsTheLabelFromTheFeedToItsHistory() {
        String domain = "daily-onion-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
        Account regular = members.active("regular");
        TrustFixture.set(trust, regular.id(), TrustLevel.REGULAR);
        Account poster = members.active("poster");
        Account reader = members.active("reader");
        follows.follow(reader, poster.handle());
        browser = new Browser();

        // 1. The regular finds the site from an address on it and labels it as satire, with a source.
        browser.logIn(regular);
        browser.open("/sources");
        assertThat(browser.h1()).isEqualTo("Sources");
        browser.field("domain").sendKeys("https://www." + domain + "/2026/11/area-man");
        browser.follow(browser.button("Find"));
        assertThat(browser.path()).isEqualTo("/sources/" + domain);
        assertThat(browser.main().getText()).contains("nobody has labelled this site yet");
        browser.screenshot("01-unlabelled-domain");
        browser.follow(browser.main().findElement(By.linkText("Label this site")));
        new Select(browser.field("label")).selectByVisibleText("Satire");
        browser.field("justification").sendKeys("Its about page says every story is made up for laughs.");
        browser.field("sources").sendKeys("https://" + domain + "/about");
        browser.field("summary").sendKeys("Satire, by its own account");
        browser.screenshot("02-label-form");
        browser.follow(browser.button("Save"));
        assertThat(browser.path()).isEqualTo("/sources/" + domain);
        assertThat(browser.main().findElement(By.cssSelector(".source-label")).getText()).isEqualTo("Satire");
        browser.screenshot("03-labelled-domain");

        // 2. A post links to the site; its preview is in the cache (nothing is fetched in tests).
        String url = "https://www." + domain + "/2026/11/area-man";
        String normalised = LinkPreviews.normalise(url);
        db.sql("insert into link_preview (url_hash, id, url, title, description, site_name, image_width, image_height, status, "
                + "fetched_at) values (?, ?, ?, ?, ?, ?, 0, 0, 'OK', ?)")
                .params(SecretTokens.hash(normalised), UUID.randomUUID().toString().replace("-", ""), normalised,
                        "Area man wins award for doing nothing", "Local hero stays on his couch all year.", "The Daily Onion",
                        Timestamp.from(Instant.now()))
                .update();
        Post post = posts.publish(poster, null, new PostService.Draft("", "Is this real?", url));

        // 3. The reader sees the label on the preview in the feed and follows it to the domain's page and history.
        browser.switchTo(reader);
        browser.open("/");
        WebElement card = browser.main().findElement(By.id("post-" + post.id()));
        WebElement label = card.findElement(By.cssSelector(".link-preview .source-label"));
        // Screen readers hear "Source label: Satire"; the eye sees the pill.
        assertThat(label.getText()).endsWith("Satire");
        assertThat(label.getDomAttribute("href")).isEqualTo("/sources/" + domain);
        browser.screenshot("04-feed-with-label");
        browser.onPhone();
        browser.open("/");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("05-feed-with-label-phone");
        browser.onDesktop();
        browser.open("/");
        browser.follow(browser.main().findElement(By.id("post-" + post.id())).findElement(By.cssSelector(".source-label")));
        assertThat(browser.path()).isEqualTo("/sources/" + domain);
        assertThat(browser.h1()).isEqualTo(domain);
        assertThat(browser.main().getText()).contains("Its about page says every story is made up for laughs.",
                "https://" + domain + "/about");
        assertThat(browser.main().getText()).doesNotContain("Edit the label");
        browser.screenshot("06-reader-domain-page");
        browser.follow(browser.main().findElement(By.linkText("History")));
        assertThat(browser.path()).isEqualTo("/sources/" + domain + "/history");
        assertThat(browser.main().getText()).contains("Revision 1", "@" + regular.handle(), "Satire, by its own account");
        browser.screenshot("07-reader-history");
        browser.onPhone();
        browser.open("/sources/" + domain);
        browser.assertNoSidewaysScrolling();
        browser.screenshot("08-domain-page-phone");
        browser.open("/sources/" + domain + "/history");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("09-history-phone");
        browser.assertEverythingCameFromTribune();
    }

    /** One Chromium, handed from person to person by logging out and in again. */
    private final class Browser extends Chromium {
        Browser() {
            super(port, null, "sources-");
        }

        void logIn(Account account) {
            open("/login");
            field("email").sendKeys(account.email());
            field("password").sendKeys(Members.PASSWORD);
            follow(button("Log in"));
            assertThat(driver().findElement(By.cssSelector("header.site-header")).getText()).contains("@" + account.handle());
        }

        void switchTo(Account account) {
            driver().manage().deleteAllCookies();
            logIn(account);
        }

        WebElement main() {
            return driver().findElement(By.tagName("main"));
        }
    }
}
