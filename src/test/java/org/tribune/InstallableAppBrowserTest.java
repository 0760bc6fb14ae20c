package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.follow.FollowService;

/**
 * In a real browser: the service worker installs from the root and keeps only the shell (with the offline page), and
 * live updates resume once the network is back.
 */
@IntegrationTest
@Tag("browser")
class InstallableAppBrowserTest {
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
            chromium.driver().executeCdpCommand("Network.emulateNetworkConditions", online(true));
            chromium.close();
        }
    }

    private static Map<String, Object> online(boolean online) {
        return Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
    }

    private void signIn(Account account) {
        chromium.open("/login");
        chromium.field("email").sendKeys(account.email());
        chromium.field("password").sendKeys(Members.PASSWORD);
        chromium.follow(chromium.button("Log in"));
    }

    private Object script(String asyncScript) {
        return chromium.driver().executeAsyncScript(asyncScript);
    }

    @Test
    void theWorkerKeepsOnlyTheShellAndShowsTheOfflinePage() {
        Account ana = members.active("ana");
        chromium = Chromium.start(port, "app-");
        signIn(ana);
        chromium.open("/groups");
        Object scope = script("var done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(function (r) { done(r.scope); });");
        assertThat(scope).isEqualTo("http://localhost:" + port + "/");
        awaitWorker();
        @SuppressWarnings("unchecked")
        List<String> kept = (List<String>) script("var done = arguments[arguments.length - 1];"
                + "caches.keys().then(function (names) { return Promise.all(names.map(function (n) {"
                + "return caches.open(n).then(function (c) { return c.keys(); }); })); })"
                + ".then(function (lists) { done([].concat.apply([], lists).map(function (r) { return new URL(r.url).pathname; })); });");
        assertThat(kept).contains("/offline", "/css/tribune.css", "/js/live.js")
                .noneMatch(path -> path.startsWith("/api")).doesNotContain("/", "/groups", "/notifications");

        // What the worker answers a navigation with when the network fails: the offline page it kept, which holds
        // nothing of the person who was signed in when it was fetched. (DevTools' offline mode does not reach the
        // worker's own requests, so the fallback itself is not driven from here.)
        Object offline = script("var done = arguments[arguments.length - 1];"
                + "caches.match('/offline').then(function (r) { return r.text(); }).then(done);");
        assertThat(offline.toString()).contains("You are offline").contains("Pas de connexion").doesNotContain(ana.handle())
                .doesNotContain("/logout");
        chromium.assertEverythingCameFromTribune();
    }

    /** Waits until the service worker controls the page (the first page a worker installs from is not controlled). */
    private void awaitWorker() {
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                chromium.driver().executeScript("return !!navigator.serviceWorker.controller"))
                || reloaded());
    }

    /**
     * A real outage, not DevTools' emulation (which does not reach the worker's own requests): the browser talks to
     * the server through a proxy, which is cut as a server that went away. Pages then come from the worker's offline
     * page; once the proxy is back, pages load again and the live stream of a page left open reconnects by itself.
     */
    @Test
    void whenTheServerIsUnreachableTheOfflinePageShowsAndEverythingComesBackAfter() throws Exception {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", port)) {
            chromium = Chromium.start(proxy.port(), "app-outage-");
            signIn(ana);
            chromium.open("/groups");
            awaitWorker();

            proxy.cut();
            chromium.open("/notifications");
            assertThat(chromium.h1()).isEqualTo("You are offline");
            assertThat(chromium.driver().getCurrentUrl()).endsWith("/notifications");
            chromium.screenshot("offline");

            proxy.restore();
            chromium.open("/notifications");
            assertThat(chromium.h1()).isNotEqualTo("You are offline");

            // A page left open through an outage: its stream drops, fails while the server is away, and comes back.
            chromium.open("/groups");
            assertThat(chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed()).isFalse();
            proxy.cut();
            Thread.sleep(3000);
            proxy.restore();
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (!chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed() && System.nanoTime() < deadline) {
                follows.unfollow(bob, ana.handle());
                follows.follow(bob, ana.handle());
                Thread.sleep(500);
            }
            assertThat(chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed())
                    .as("an event sent after the server came back reached the page left open").isTrue();
        }
    }

    private boolean reloaded() {
        chromium.reload();
        return false;
    }

    @Test
    void liveUpdatesResumeAfterTheNetworkComesBack() throws InterruptedException {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        chromium = Chromium.start(port, "app-live-");
        signIn(ana);
        chromium.open("/groups");
        chromium.driver().executeCdpCommand("Network.enable", Map.of());
        // Down long enough for the stream to fail outright, then back.
        chromium.driver().executeCdpCommand("Network.emulateNetworkConditions", online(false));
        Thread.sleep(3000);
        chromium.driver().executeCdpCommand("Network.emulateNetworkConditions", online(true));
        chromium.driver().executeScript("window.dispatchEvent(new Event('online'))");
        assertThat(chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed()).isFalse();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed() && System.nanoTime() < deadline) {
            follows.unfollow(bob, ana.handle());
            follows.follow(bob, ana.handle());
            Thread.sleep(500);
        }
        assertThat(chromium.driver().findElement(By.cssSelector(".unread-badge")).isDisplayed())
                .as("an event sent after the network came back reached the page").isTrue();
        long streamsOpened = chromium.driver().manage().logs().get(org.openqa.selenium.logging.LogType.PERFORMANCE).getAll()
                .stream().map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("\"Network.requestWillBeSent\"") && m.contains("localhost:" + port + "/live\""))
                .map(m -> m.replaceFirst("(?s).*\"requestId\":\"([^\"]+)\".*", "$1")).distinct().count();
        assertThat(streamsOpened).as("the stream was opened again after the network came back").isGreaterThanOrEqualTo(2);
    }
}
