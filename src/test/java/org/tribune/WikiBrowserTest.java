package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;
import org.tribune.wiki.Content;
import org.tribune.wiki.Document;
import org.tribune.wiki.EditMode;
import org.tribune.wiki.WikiService;

/**
 * Wiki editing in real browsers, headless Chromium: a member fixes another's misleading headline, a reader reads the
 * diff (on a desktop and on a phone), the author rolls a vandal's edits back in one click, and a newcomer's edit in a
 * reviewed group waits until a regular accepts it. Screenshots: {@code target/screenshots/wiki-NN-name.png}.
 */
@IntegrationTest
@Tag("browser")
class WikiBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    PostService posts;
    @Autowired
    TrustLevels trust;
    @Autowired
    WikiService wiki;

    private final List<Window> windows = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        windows.forEach(Window::close);
    }

    Account person(String prefix, TrustLevel level) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), level);
        return account;
    }

    Group group(Account owner, String name, EditMode mode, Account... others) {
        String slug = ("wb-" + Members.uniqueHandle("x").substring(2)).toLowerCase().replace('_', '-');
        Group group = groups.create(owner, new GroupForm(slug, name, "", "en", "PUBLIC", "OPEN", List.of(), false));
        wiki.setGroupMode(owner, group.id(), mode);
        for (Account other : others) {
            groupJoining.join(other, slug, List.of());
        }
        return group;
    }

    @Test
    void theCommunityFixesAHeadlineUndoesVandalismAndReviewsANewcomersEdit() {
        Account ana = person("ana", TrustLevel.BASIC);
        Account bob = person("bob", TrustLevel.MEMBER);
        Account vandal = person("vandal", TrustLevel.MEMBER);
        Account newcomer = person("newcomer", TrustLevel.NEW);
        Account regular = person("regular", TrustLevel.REGULAR);
        Group health = group(ana, "Health news", EditMode.OPEN, bob, vandal);
        Group science = group(regular, "Science desk", EditMode.REVIEW, newcomer);
        Post cure = posts.publish(ana, health.id(), new PostService.Draft("Miracle cure for cancer found",
                "A new study shows the treatment works.", "https://example.org/study"));

        // 1. Bob, a member (trust level 2), fixes Ana's misleading headline and says why.
        Window bobs = open("bob");
        bobs.logIn(bob);
        bobs.open("/p/" + cure.id());
        bobs.follow(bobs.main().findElement(By.linkText("Edit")));
        assertThat(bobs.h1()).isEqualTo("Edit this post");
        bobs.field("title").clear();
        bobs.field("title").sendKeys("Small study in mice finds a possible lead against one cancer");
        bobs.field("linkSummary").sendKeys("Twelve mice, one tumour type; no human trial yet.");
        bobs.field("summary").sendKeys("Headline matched to what the study found");
        bobs.screenshot("01-bob-edits-headline");
        bobs.follow(bobs.button("Save"));
        assertThat(bobs.path()).isEqualTo("/p/" + cure.id());
        assertThat(bobs.notice()).isEqualTo("Your edit is live.");
        assertThat(bobs.h1()).isEqualTo("Small study in mice finds a possible lead against one cancer");
        bobs.screenshot("02-bob-headline-live");

        // 2. A reader sees that it was edited and what changed, side by side, also on a phone.
        Window reader = open("reader");
        reader.open("/p/" + cure.id());
        assertThat(reader.main().getText()).contains("Twelve mice, one tumour type").doesNotContain("Miracle");
        reader.follow(reader.main().findElement(By.linkText("edited by 1 person")));
        assertThat(reader.h1()).startsWith("History of");
        reader.screenshot("03-reader-history");
        reader.follow(reader.main().findElement(By.cssSelector("#r2 a[href*='/diff']")));
        assertThat(reader.h1()).isEqualTo("Revision 1 → Revision 2");
        assertThat(reader.main().findElement(By.cssSelector(".diff-field.changed del")).getText()).isEqualTo("Miracle cure for cancer found");
        assertThat(reader.main().findElement(By.cssSelector(".diff-field.changed ins")).getText())
                .isEqualTo("Small study in mice finds a possible lead against one cancer");
        reader.screenshot("04-reader-diff");
        reader.onPhone();
        reader.reload();
        reader.assertNoSidewaysScrolling();
        reader.screenshot("05-reader-diff-phone");
        reader.onDesktop();

        // 3. A vandal edits twice; Ana rolls both edits back in one click from the history.
        Document doc = Document.post(cure.id());
        wiki.propose(vandal, doc, new WikiService.Proposal(new Content("BUY CHEAP PILLS", "Click here", "https://example.org/study",
                "Twelve mice, one tumour type; no human trial yet."), "fix", null));
        wiki.propose(vandal, doc, new WikiService.Proposal(new Content("BUY CHEAP PILLS NOW", "Click here!!", "https://example.org/study",
                "Twelve mice, one tumour type; no human trial yet."), "fix", null));
        Window anas = open("ana");
        anas.logIn(ana);
        anas.open("/p/" + cure.id());
        assertThat(anas.h1()).isEqualTo("BUY CHEAP PILLS NOW");
        anas.follow(anas.main().findElement(By.cssSelector(".wiki-links a[href$='/history']")));
        anas.screenshot("06-ana-history-with-vandalism");
        anas.follow(anas.main().findElement(By.cssSelector("li.current")).findElement(By.xpath(".//button[normalize-space()='Roll back all the latest edits by @" + vandal.handle() + "']")));
        assertThat(anas.notice()).isEqualTo("Rolled back: the edits are undone.");
        assertThat(anas.main().findElement(By.cssSelector("li.current")).getText()).contains("Rolled back to revision 2.");
        anas.screenshot("07-ana-rolled-back");
        reader.open("/p/" + cure.id());
        assertThat(reader.h1()).isEqualTo("Small study in mice finds a possible lead against one cancer");

        // 4. In a reviewed group, a newcomer's edit of their own post waits; readers keep the accepted version.
        Post first = posts.publish(newcomer, science.id(), new PostService.Draft("My first post", "Photosynthesis makes oxigen.", null));
        Window newcomers = open("newcomer");
        newcomers.logIn(newcomer);
        newcomers.open("/p/" + first.id());
        newcomers.follow(newcomers.main().findElement(By.linkText("Edit")));
        assertThat(newcomers.main().getText()).contains("yours will wait until a reviewer accepts it");
        newcomers.field("body").clear();
        newcomers.field("body").sendKeys("Photosynthesis makes oxygen.");
        newcomers.screenshot("08-newcomer-edit-in-review-group");
        newcomers.follow(newcomers.button("Save"));
        assertThat(newcomers.notice()).isEqualTo("Your edit was saved and waits for review.");
        assertThat(newcomers.main().findElement(By.cssSelector("li.status-pending")).getText()).contains("pending review");
        newcomers.screenshot("09-newcomer-edit-pending");
        reader.open("/p/" + first.id());
        assertThat(reader.main().getText()).contains("oxigen").doesNotContain("oxygen");

        // 5. A regular (trust level 3) reviews it and accepts: it goes live.
        Window regulars = open("regular");
        regulars.logIn(regular);
        regulars.open("/groups/" + science.slug() + "/wiki");
        regulars.follow(regulars.main().findElement(By.linkText("Edits to review")));
        assertThat(regulars.main().findElement(By.cssSelector(".review-item")).getText()).contains("My first post", "oxygen");
        regulars.screenshot("10-regular-review-queue");
        regulars.follow(regulars.button("Accept"));
        assertThat(regulars.notice()).isEqualTo("Accepted: the edit is live.");
        assertThat(regulars.main().getText()).contains("No edit is waiting.");
        reader.open("/p/" + first.id());
        assertThat(reader.main().getText()).contains("Photosynthesis makes oxygen.");
        reader.screenshot("11-reader-sees-accepted-edit");

        windows.forEach(Window::assertEverythingCameFromTribune);
    }

    private Window open(String who) {
        Window window = new Window(who);
        windows.add(window);
        return window;
    }

    private final class Window extends Chromium {
        Window(String who) {
            super(port, who, "wiki-");
        }

        void logIn(Account account) {
            open("/login");
            field("email").sendKeys(account.email());
            field("password").sendKeys(Members.PASSWORD);
            follow(button("Log in"));
            assertThat(driver().findElement(By.cssSelector("header.site-header")).getText()).contains("@" + account.handle());
        }

        WebElement main() {
            return driver().findElement(By.tagName("main"));
        }

        String notice() {
            return driver().findElement(By.cssSelector("main .notice")).getText();
        }
    }
}
