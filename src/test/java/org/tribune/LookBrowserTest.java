package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * The look on a small phone (360 px, the narrowest common screen) and the API documentation under the site's
 * Content-Security-Policy. On every main page type: no sideways scrolling, and every control a finger can hit
 * (44 × 44 px; smaller links only inside a sentence, or at WCAG 2.5.8's 24 px with enough space around them).
 */
@IntegrationTest
@Tag("browser")
class LookBrowserTest {
    /** Run in the page: the interactive elements that are too small, each described for the failure message. */
    private static final String SMALL_TARGETS = """
            const small = [];
            const seen = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
              return r.width > 1 && r.height > 1 && r.right > 0 && s.visibility !== 'hidden' && !el.closest('[hidden]')
                && !el.closest('details:not([open]) > :not(summary)'); };
            const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')].filter(seen);
            const rects = all.map(el => el.getBoundingClientRect());
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
              + ' "' + (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
            const control = el => !(el.tagName === 'A') || el.matches('.button, .primary-nav a, .visitor-nav a, .menu-panel a, .action, .tabs a');
            const inSentence = el => { if (getComputedStyle(el).display !== 'inline') return false;
              const block = el.parentElement.closest('p, li, dd, td, h1, h2, h3, label, span, div');
              return block && block.textContent.trim().length > el.textContent.trim().length + 3; };
            const spaced = i => { const r = rects[i]; const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
              return rects.every((o, j) => j === i || all[j].contains(all[i]) || all[i].contains(all[j])
                || Math.max(o.left - cx, 0, cx - o.right) ** 2 + Math.max(o.top - cy, 0, cy - o.bottom) ** 2 >= 144); };
            all.forEach((el, i) => {
              const r = rects[i];
              if (r.width >= 44 && r.height >= 44) return;
              if (el.matches('input[type=checkbox], input[type=radio]')) {
                const label = (el.id && document.querySelector('label[for="' + el.id + '"]')) || el.closest('label');
                if (label && label.getBoundingClientRect().height >= 44) return;
              } else if (!control(el)) {
                if (inSentence(el) || (r.width >= 24 && r.height >= 24) || spaced(i)) return;
              }
              small.push(name(el) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
            });
            return small;""";

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    PostService posts;

    private final List<Chromium> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(Chromium::close);
    }

    private Chromium browser(String prefix) {
        Chromium browser = Chromium.start(port, prefix);
        browsers.add(browser);
        return browser;
    }

    private static void smallPhone(Chromium browser) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 2, "mobile", true));
        browser.driver().executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
    }

    @SuppressWarnings("unchecked")
    private static void assertFitsAPhone(SoftAssertions softly, Chromium browser, String path) {
        browser.open(path);
        // A phone widens its layout viewport to fit content that sticks out, so innerWidth alone would grow with
        // it: both are compared with the screen's own width.
        Object overflow = browser.driver().executeScript(
                "return Math.max(document.scrollingElement.scrollWidth, window.innerWidth) - screen.width");
        softly.assertThat(((Number) overflow).intValue()).as("sideways scrolling on " + path).isLessThanOrEqualTo(0);
        List<String> small = (List<String>) browser.driver().executeScript(SMALL_TARGETS);
        softly.assertThat(small).as("touch targets smaller than 44 px on " + path).isEmpty();
        browser.screenshot(path.replaceAll("[^a-z0-9]+", "-"));
    }

    @Test
    void everyMainPageFitsA360PixelPhoneWithTouchTargetsOf44Pixels() {
        Account ana = members.active("phone");
        Group group = groups.create(ana, new GroupForm("phones-" + Members.uniqueHandle("g").toLowerCase().replace("_", ""),
                "Allotment neighbours", "Seeds, tools and the **weather**.", "en", "PUBLIC", "OPEN", List.of(), false));
        Post post = posts.publish(ana, group.id(), new PostService.Draft("Seed swap on Saturday",
                "Bring seeds in labelled envelopes. See https://example.org/seeds for the list.", "https://example.org/seeds"));
        posts.comment(ana, post.id(), "I will bring beans.", null);

        SoftAssertions softly = new SoftAssertions();
        Chromium visitor = browser("look-visitor-");
        smallPhone(visitor);
        for (String path : List.of("/", "/login", "/signup", "/groups", "/conduct", "/notes/about", "/p/" + post.id())) {
            assertFitsAPhone(softly, visitor, path);
        }
        visitor.assertEverythingCameFromTribune();

        Chromium member = browser("look-member-");
        smallPhone(member);
        member.open("/login");
        member.field("email").sendKeys(ana.email());
        member.field("password").sendKeys(Members.PASSWORD);
        member.follow(member.button("Log in"));
        for (String path : List.of("/", "/p/" + post.id(), "/groups/" + group.slug(), "/groups", "/settings",
                "/settings/security", "/notifications", "/search?q=seeds", "/@" + ana.handle(), "/events")) {
            assertFitsAPhone(softly, member, path);
        }
        softly.assertAll();
        // The account menu opens over the page, its links as big as the rest.
        member.open("/");
        member.accountMenu();
        List<?> small = (List<?>) member.driver().executeScript(SMALL_TARGETS);
        assertThat(small).as("touch targets in the open account menu").isEmpty();
        member.screenshot("menu-open");
        // The composer opens from its single line.
        member.field("post-body");
        assertThat(member.driver().findElement(By.id("post-body")).isDisplayed()).isTrue();
        member.assertEverythingCameFromTribune();
    }

    @Test
    void theApiReferenceIsStyledUnderTheContentSecurityPolicy() {
        Chromium browser = browser("look-api-");
        browser.open("/api/docs");
        Map<?, ?> looks = (Map<?, ?>) browser.driver().executeScript("""
                const method = document.querySelector('.api-operation .api-method');
                return { method: method ? getComputedStyle(method).backgroundColor : null,
                         table: getComputedStyle(document.querySelector('.api-table')).borderCollapse };""");
        // Our stylesheet applies to the reference: method badges have their colour, tables their collapsed borders.
        assertThat(looks.get("method")).isNotNull().isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(looks.get("table")).isEqualTo("collapse");
        browser.screenshot("api-docs");
        // No Content-Security-Policy violation reported in the console, and nothing from elsewhere.
        browser.assertEverythingCameFromTribune();
    }
}
