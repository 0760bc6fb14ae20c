package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.event.Event;
import org.tribune.event.EventDraft;
import org.tribune.event.EventService;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.moderation.FlagReason;
import org.tribune.moderation.FlagService;
import org.tribune.moderation.TargetKind;
import org.tribune.notes.Note;
import org.tribune.notes.NoteService;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;
import org.tribune.wiki.Content;
import org.tribune.wiki.Document;
import org.tribune.wiki.WikiService;

/**
 * WCAG 2.2 AA, checked by axe-core in headless Chromium on every type of page, as each kind of person sees it:
 * visitor, waiting, member, moderator, administrator; feed, post, history and diff, group, settings, donation, search,
 * notes, moderation, administration. Any serious or critical violation fails the build; each test lists all it found
 * before failing, so that one run shows everything to mend. Pages are checked on a desktop, on a phone and in the
 * dark theme, where the colours differ. On the desktop each page is also weighed: at most 100 KB of CSS and
 * JavaScript, and no layout shift as it loads.
 */
@IntegrationTest
@Tag("browser")
class AccessibilityBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trust;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    PostService posts;
    @Autowired
    WikiService wiki;
    @Autowired
    NoteService notes;
    @Autowired
    FlagService flags;
    @Autowired
    FollowService follows;
    @Autowired
    EventService events;

    private Reader browser;
    private Account member;
    private Account writer;
    private Group group;
    private Post post;
    private long revision;
    private Event event;

    @BeforeEach
    void aSmallCommunity() {
        member = person("a11ymember", TrustLevel.REGULAR);
        writer = person("a11ywriter", TrustLevel.REGULAR);
        String slug = ("a11y-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        group = groups.create(writer, new GroupForm(slug, "Birdwatchers of the coast", "Sightings, trips and field guides.",
                "en", "PUBLIC", "OPEN", List.of(), false));
        groupJoining.join(member, slug, List.of());
        post = posts.publish(writer, group.id(), new PostService.Draft("Puffins are back on the island",
                "Forty pairs counted this **morning** on the north cliffs.", "https://example.org/puffins", null));
        revision = wiki.propose(member, Document.post(post.id()), new WikiService.Proposal(new Content(
                "Puffins are back on the island", "Forty-two pairs counted this morning on the north cliffs.",
                "https://example.org/puffins", ""), "Recounted from the photos", null)).revision().id();
        posts.comment(member, post.id(), "Wonderful news, thank you for counting.", null);
        follows.follow(member, writer.handle());
        Note note = notes.write(writer, post.id(), false, "The count comes from the warden, who publishes it each week: https://example.org/warden");
        assertThat(note).isNotNull();
        Account spammer = person("a11yspam", TrustLevel.BASIC);
        groupJoining.join(spammer, slug, List.of());
        Post spam = posts.publish(spammer, group.id(), new PostService.Draft("Cheap binoculars", "Buy at spam.example", null, null));
        flags.flag(member, TargetKind.POST, spam.id(), FlagReason.SPAM);
        Instant start = Instant.now().plus(Duration.ofDays(3));
        event = events.create(writer, slug, new EventDraft("Dawn walk on the cliffs", "Bring binoculars.", start,
                start.plus(Duration.ofHours(2)), "Europe/Paris", "North car park", null, 20, false));
        browser = new Reader();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aVisitorsPagesHaveNoSeriousViolations() {
        browser.checkAll(List.of("/", "/login", "/signup", "/reset-password", "/groups", "/groups/" + group.slug(),
                "/groups/" + group.slug() + "/wiki", "/p/" + post.id(), "/p/" + post.id() + "/history",
                "/p/" + post.id() + "/diff?to=" + revision, "/p/" + post.id() + "/notes", "/events/" + event.id(),
                "/conduct", "/donate", "/transparency", "/trust-levels", "/notes/about", "/sources",
                "/sources/example.org", "/moderation/log", "/api/docs", "/offline"));
    }

    @Test
    void aWaitingPersonsPagesHaveNoSeriousViolations() {
        browser.logIn(members.waiting("a11ywait"));
        browser.checkAll(List.of("/", "/waitlist", "/settings", "/settings/privacy", "/settings/security", "/groups",
                "/p/" + post.id(), "/donate"));
    }

    @Test
    void aMembersPagesHaveNoSeriousViolations() {
        browser.logIn(member);
        browser.checkAll(List.of("/", "/p/" + post.id(), "/p/" + post.id() + "/edit", "/p/" + post.id() + "/history",
                "/p/" + post.id() + "/diff?to=" + revision, "/p/" + post.id() + "/talk", "/p/" + post.id() + "/notes",
                "/p/" + post.id() + "/flag", "/p/" + post.id() + "/share", "/groups", "/groups/new",
                "/groups/" + group.slug(), "/groups/" + group.slug() + "/members", "/groups/" + group.slug() + "/events",
                "/events", "/events/" + event.id(), "/@" + member.handle(), "/notifications", "/invitations",
                "/search?q=puffins", "/search?q=bird&type=groups", "/search?q=a11y&type=people",
                "/notes/needs-ratings", "/moderation/mine", "/settings", "/settings/notifications",
                "/settings/privacy", "/settings/privacy/data", "/settings/safety", "/settings/security",
                "/settings/donations", "/donate", "/sources/example.org/edit", "/onboarding/language",
                "/onboarding/groups", "/onboarding/people", "/onboarding/conduct", "/onboarding/editing",
                "/onboarding/flags", "/onboarding/notes"));
    }

    @Test
    void aModeratorsPagesHaveNoSeriousViolations() {
        browser.logIn(members.withRole("a11ymod", Role.MODERATOR));
        browser.checkAll(List.of("/moderation/queue", "/moderation/appeals", "/moderation/log", "/review"));
        // The group's owner moderates it: its settings, bans, requests, review queue and events.
        browser.driver().manage().deleteAllCookies();
        browser.logIn(writer);
        browser.checkAll(List.of("/groups/" + group.slug() + "/settings", "/groups/" + group.slug() + "/bans",
                "/groups/" + group.slug() + "/requests", "/groups/" + group.slug() + "/review",
                "/groups/" + group.slug() + "/events/new", "/events/" + event.id() + "/edit",
                "/groups/" + group.slug() + "/wiki/edit", "/groups/" + group.slug() + "/filters"));
    }

    @Test
    void anAdministratorsPagesHaveNoSeriousViolations() {
        Account admin = members.admin("a11yadmin");
        TrustFixture.set(trust, admin.id(), TrustLevel.REGULAR);
        browser.logIn(admin);
        browser.checkAll(List.of("/admin/users", "/admin/users/" + member.handle(), "/admin/admission",
                "/admin/audit", "/admin/groups", "/admin/trust", "/admin/mail", "/admin/search", "/admin/events"));
    }

    /**
     * The core loop by keyboard alone: sign in, post, open the post, comment, edit it, and rate a note, each control
     * reached with Tab, its focus visible, and each action done with Enter, the arrow keys or typing.
     */
    @Test
    void theCoreLoopWorksByKeyboardAlone() {
        Keyboard keys = new Keyboard(browser.driver());
        browser.open("/login");
        keys.tabTo("#email");
        keys.type(member.email());
        keys.tabTo("#password");
        keys.type(Members.PASSWORD);
        keys.tabTo("main button[type=submit]");
        keys.enter();
        assertThat(browser.path()).isEqualTo("/");

        // The composer is one line until opened: Enter on it opens the form, and Tab goes on into it.
        keys.tabTo(".composer summary");
        keys.type(org.openqa.selenium.Keys.ENTER);
        keys.tabTo("#post-title");
        keys.type("Gannets diving at dusk");
        keys.tabTo("#post-body");
        keys.type("Hundreds of them off the point, a sight worth the cold.");
        keys.tabTo("form:has(#post-body) button[type=submit]");
        keys.enter();
        assertThat(browser.h1()).isEqualTo("Gannets diving at dusk");

        browser.open("/");
        keys.tabTo("main .post-title a");
        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Gannets diving at dusk");
        keys.enter();
        assertThat(browser.h1()).isEqualTo("Gannets diving at dusk");
        String permalink = browser.path();

        keys.tabTo("#comment-body");
        keys.type("The best place to see them is the old lighthouse.");
        keys.tabTo("form:has(#comment-body) button[type=submit]");
        keys.enter();
        assertThat(browser.text()).contains("The best place to see them is the old lighthouse.");

        browser.open(permalink);
        keys.tabTo("main a[href='" + permalink + "/edit']");
        keys.enter();
        keys.tabTo("#body");
        keys.replace("Hundreds of them off the point at dusk, a sight worth the cold.");
        keys.tabTo("form:has(#body) button[type=submit]");
        keys.enter();
        assertThat(browser.path()).isEqualTo(permalink);
        assertThat(browser.text()).contains("at dusk, a sight worth the cold");

        Note note = notes.ofPost(post.id(), writer).getFirst().note();
        browser.open("/notes/needs-ratings");
        keys.tabTo("#note-" + note.id() + " input[type=radio]");
        keys.arrowToRadio("helpful");
        keys.tabTo("#note-" + note.id() + " button[type=submit]");
        keys.enter();
        assertThat(browser.text()).contains("your rating is recorded");
        browser.assertEverythingCameFromTribune();
    }

    /**
     * Text at 200%: a 1280-pixel window zoomed twice is a 640-pixel page drawn at double density. Nothing may need
     * sideways scrolling, the navigation stays reachable, and axe finds nothing serious at that size either.
     */
    @Test
    void atDoubleZoomNothingScrollsSidewaysOrBreaks() {
        browser.logIn(member);
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 640, "height", 450, "deviceScaleFactor", 2, "mobile", false));
        List<Axe.Violation> serious = new ArrayList<>();
        for (String path : List.of("/", "/p/" + post.id(), "/p/" + post.id() + "/diff?to=" + revision,
                "/groups/" + group.slug(), "/settings", "/search?q=puffins", "/notes/needs-ratings", "/donate")) {
            browser.open(path);
            browser.assertNoSidewaysScrolling();
            assertThat(browser.driver().findElements(By.cssSelector("header a[href='/notifications'], header button[aria-expanded]"))
                    .stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed))
                    .as("the navigation can be reached on " + path).isTrue();
            Axe.check(browser.driver(), path + " [200%]").stream().filter(v -> Axe.FAILING.contains(v.impact())).forEach(serious::add);
        }
        assertThat(serious).as(() -> serious.stream().map(Axe.Violation::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    private Account person(String prefix, TrustLevel level) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), level);
        return account;
    }

    /** What a page costs to show: the bytes of its styles and scripts, and how far its layout moved as it loaded. */
    record Weight(String path, long stylesAndScripts, double layoutShift, String shifted) {
    }

    /** One Chromium that signs in as a person and runs axe on each page, in three conditions. */
    private final class Reader extends Chromium {
        Reader() {
            super(port, null, "a11y-");
        }

        void logIn(Account account) {
            signIn(account.email(), Members.PASSWORD);
        }

        /**
         * The page just opened: its stylesheets and scripts fetched again and counted (uncompressed, as the budget of
         * the issue counts them), and its cumulative layout shift while it loaded, with what moved.
         */
        Weight weigh(String path) {
            driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
            Number bytes = (Number) driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const urls = [...document.querySelectorAll('link[rel=stylesheet][href], script[src]')]
                        .map(e => e.href || e.src);
                    Promise.all(urls.map(u => fetch(u).then(r => r.arrayBuffer()).then(b => b.byteLength)))
                        .then(sizes => done(sizes.reduce((a, b) => a + b, 0))).catch(() => done(-1));
                    """);
            @SuppressWarnings("unchecked")
            Map<String, Object> shift = (Map<String, Object>) driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    // Shifts while the page loads (until half a second after its load event) are the page's own;
                    // later ones come from what happened after (a live update while axe ran) and are only reported.
                    const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd + 500;
                    let total = 0; const moved = [];
                    new PerformanceObserver(list => list.getEntries().forEach(e => {
                        if (e.hadRecentInput) return;
                        if (e.startTime <= loaded) total += e.value;
                        moved.push((e.startTime <= loaded ? 'loading: ' : 'later: ') + e.value.toFixed(4));
                        (e.sources || []).forEach(s => moved.push((s.node && s.node.nodeName ? s.node.nodeName + '.'
                            + (s.node.className || '') + '#' + (s.node.id || '') : '?') + ' ' + JSON.stringify(s.previousRect)
                            + ' -> ' + JSON.stringify(s.currentRect)));
                    })).observe({type: 'layout-shift', buffered: true});
                    setTimeout(() => done({total: total, moved: moved.join('; ')}), 250);
                    """);
            assertThat(bytes.longValue()).as("the styles and scripts of " + path + " could be fetched").isPositive();
            String moved = (String) shift.get("moved");
            if (!moved.isEmpty()) {
                System.out.println("Layout shifts on " + path + ": " + moved);
            }
            return new Weight(path, bytes.longValue(), ((Number) shift.get("total")).doubleValue(), moved);
        }

        /** Every page, on a desktop in the light theme, on a phone, and in the dark theme; then fails on all found. */
        void checkAll(List<String> paths) {
            List<Axe.Violation> serious = new ArrayList<>();
            List<Weight> weighed = new ArrayList<>();
            Map<String, Runnable> conditions = new java.util.LinkedHashMap<>();
            conditions.put("desktop", () -> { onDesktop(); inDarkMode(false); });
            conditions.put("phone", () -> { onPhone(); inDarkMode(false); });
            conditions.put("dark", () -> { onDesktop(); inDarkMode(true); });
            conditions.forEach((name, condition) -> {
                condition.run();
                for (String path : paths) {
                    open(path);
                    assertThat(((Number) driver().executeScript(
                            "return performance.getEntriesByType('navigation')[0].responseStatus")).intValue())
                            .as(path + " answered with an error").isLessThan(400);
                    Axe.check(driver(), path + " [" + name + "]").stream()
                            .filter(v -> Axe.FAILING.contains(v.impact())).forEach(serious::add);
                    if (name.equals("desktop")) {
                        weighed.add(weigh(path));
                    }
                }
            });
            assertThat(weighed).as("pages with more than 100 KB of CSS and JavaScript, or whose layout shifts as they load")
                    .allMatch(page -> page.stylesAndScripts() <= 100 * 1024 && page.layoutShift() < 0.01);
            onDesktop();
            inDarkMode(false);
            assertThat(serious).as(() -> "serious or critical accessibility violations:\n"
                    + serious.stream().map(Axe.Violation::toString).collect(Collectors.joining("\n"))).isEmpty();
        }
    }
}
