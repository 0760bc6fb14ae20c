package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.follow.FollowService;

/**
 * A real browser's {@code EventSource} takes the live stream as the server sends it (headers, then the connection
 * handed over and written directly, ending when the connection does): a new follower shows in the open page's
 * unread badge without a reload.
 */
@IntegrationTest
@Tag("browser")
class LiveBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    FollowService follows;

    private Chromium chromium;

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewFollowerShowsInTheOpenPagesBadge() throws InterruptedException {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        chromium = Chromium.start(port, "live-");
        chromium.open("/login");
        chromium.field("email").sendKeys(ana.email());
        chromium.field("password").sendKeys(Members.PASSWORD);
        chromium.follow(chromium.button("Log in"));
        chromium.open("/groups");
        assertThat(chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed()).isFalse();

        // The page opens its stream by itself a moment after loading: follow again until an event has reached it.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed() && System.nanoTime() < deadline) {
            follows.unfollow(bob, ana.handle());
            follows.follow(bob, ana.handle());
            Thread.sleep(500);
        }
        assertThat(chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed()).isTrue();
        assertThat(chromium.driver().findElement(By.id("unread-count")).getText()).matches("[1-9][0-9]*");
        chromium.screenshot("01-badge");
    }
}
