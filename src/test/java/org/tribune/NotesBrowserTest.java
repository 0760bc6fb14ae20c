package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.follow.FollowService;
import org.tribune.notes.Helpfulness;
import org.tribune.notes.Note;
import org.tribune.notes.NoteCamps;
import org.tribune.notes.NotePopulation;
import org.tribune.notes.NoteService;
import org.tribune.notes.NoteStatus;
import org.tribune.notes.StoredPopulation;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * Community notes and moderation in headless Chromium, one browser taking turns as each person: a misleading post
 * gets a note, a generated two-camp population rates it with the rest of its notes (two raters from the browser), the
 * scorer runs once, and the note shows under the post in a reader's feed;
 * a spam post flagged by three members is hidden and shows in the public log; its author's appeal reaches another
 * moderator than the one who removed it. Screenshots: {@code target/screenshots/notes-NN-name.png}.
 */
@IntegrationTest
@Tag("browser")
class NotesBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trust;
    @Autowired
    PostService posts;
    @Autowired
    NoteService notes;
    @Autowired
    FollowService follows;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aNoteBothCampsFindHelpfulShowsInTheFeedAndFlaggedSpamIsHiddenLoggedAndAppealed() {
        // The issue's two-camp population at density 0.4 (100 raters a camp, 120 notes, about 9,600 ratings), written
        // through the service; one of its both-camps notes, the last, is left for the writer to write in the browser.
        NotePopulation plan = NotePopulation.generate(NotePopulation.Shape.issue(0.4, 0, 1));
        NotePopulation.PlannedNote planned = plan.of(NotePopulation.Kind.BOTH_CAMPS).getLast();
        StoredPopulation population = StoredPopulation.writeAllBut(members, trust, posts, notes, plan, planned.index());
        long misleading = population.posts.get(planned.index()).id();
        browser = new Browser();

        // 1. The writer opens the post's notes and writes one, with a source.
        browser.logIn(population.writer);
        browser.open("/p/" + misleading);
        browser.follow(browser.main().findElement(By.cssSelector("#post-" + misleading + " a[href='/p/" + misleading + "/notes']")));
        assertThat(browser.h1()).isEqualTo("Community notes on this post");
        browser.field("note-body").sendKeys(NoteCamps.BRIDGING_TEXT);
        browser.screenshot("01-writer-note-filled");
        browser.follow(browser.button("Send the note"));
        assertThat(browser.main().getText()).contains("Your note is written", "needs more ratings");
        browser.screenshot("02-writer-note-written");
        Note written = notes.ofPost(misleading, population.writer).getFirst().note();
        population.notes.set(planned.index(), written);

        // 2. Everybody rates as planned; one rater of each camp, whom the plan has finding it helpful, does it from
        // the list of notes needing ratings.
        Account raterA = plannedHelpful(population, planned, NotePopulation.Camp.A);
        Account raterB = plannedHelpful(population, planned, NotePopulation.Camp.B);
        population.rateAllBut(notes, Set.of(raterA.id(), raterB.id()), planned.index());
        for (Account rater : List.of(raterA, raterB)) {
            browser.switchTo(rater);
            browser.open("/notes/needs-ratings");
            WebElement note = browser.main().findElement(By.id("note-" + written.id()));
            note.findElement(By.cssSelector("input[value=helpful]")).click();
            browser.screenshot(rater == raterA ? "03-camp-a-rates" : "04-camp-b-rates");
            browser.follow(note.findElement(By.cssSelector("button[type=submit]")));
            assertThat(browser.main().getText()).contains("your rating is recorded");
        }
        assertThat(notes.note(written.id(), population.writer).ratings()).isGreaterThan(60);

        // 3. An administrator runs the scorer.
        Account admin = members.withRole("admin", Role.ADMIN);
        TrustFixture.set(trust, admin.id(), TrustLevel.BASIC);
        browser.switchTo(admin);
        browser.open("/notes/needs-ratings");
        browser.follow(browser.button("Score the notes now"));
        assertThat(browser.main().getText()).contains("The notes were scored.");

        // 4. After that one run, a reader who follows the poster sees the note under the post in the home feed, and on
        // the permalink.
        assertThat(notes.note(written.id(), population.writer).note().status()).isEqualTo(NoteStatus.HELPFUL);
        Account reader = members.active("reader");
        follows.follow(reader, population.poster.handle());
        browser.switchTo(reader);
        browser.open("/");
        WebElement inFeed = browser.main().findElement(By.id("post-" + misleading));
        assertThat(inFeed.findElement(By.cssSelector(".community-note")).getText())
                .contains("Readers added context", "The photo is from 2015", "https://example.org/archive/2015");
        browser.screenshot("05-reader-feed-with-note");
        browser.open("/p/" + misleading);
        assertThat(browser.main().findElement(By.cssSelector(".community-note")).getText()).contains("from 2015");
        browser.screenshot("06-reader-permalink-with-note");

        // 5. Three members flag a spam post: it is hidden, and the public log shows it without naming them.
        Account spammer = members.active("spammer");
        TrustFixture.set(trust, spammer.id(), TrustLevel.BASIC);
        Post spam = posts.publish(spammer, null, new PostService.Draft("Cheap watches", "Buy cheap watches at spam.example", null));
        List<Account> flaggers = List.of(members.active("flagger"), members.active("flagger"), members.active("flagger"));
        for (int i = 0; i < flaggers.size(); i++) {
            Account flagger = flaggers.get(i);
            TrustFixture.set(trust, flagger.id(), TrustLevel.BASIC);
            browser.switchTo(flagger);
            browser.open("/p/" + spam.id());
            browser.follow(browser.main().findElement(By.cssSelector("#post-" + spam.id() + " a[href='/p/" + spam.id() + "/flag']")));
            browser.main().findElement(By.cssSelector("input[value=spam]")).click();
            if (i == 0) {
                browser.screenshot("07-flag-form");
            }
            browser.follow(browser.button("Send the flag"));
        }
        assertThat(browser.path()).isEqualTo("/moderation/log");
        assertThat(browser.main().getText()).contains("content is hidden", "Post hidden", "Spam", "Community flags");
        flaggers.forEach(f -> assertThat(browser.main().getText()).doesNotContain(f.handle()));
        browser.screenshot("08-public-log-spam-hidden");
        browser.expectMissing("/p/" + spam.id());
        browser.open("/p/" + spam.id());
        assertThat(browser.main().getText()).doesNotContain("cheap watches");

        // 6. A moderator removes it from the queue; its author appeals; another moderator gets the appeal.
        Account first = members.withRole("modone", Role.MODERATOR);
        Account second = members.withRole("modtwo", Role.MODERATOR);
        browser.switchTo(first);
        browser.open("/moderation/queue");
        WebElement item = browser.main().findElement(By.id("item-post-" + spam.id()));
        browser.screenshot("09-moderator-queue");
        browser.follow(item.findElement(By.cssSelector("button[value=agree]")));
        assertThat(browser.main().getText()).contains("Decision recorded");

        browser.switchTo(spammer);
        browser.open("/moderation/mine");
        assertThat(browser.main().getText()).contains("Post removed");
        browser.screenshot("10-author-decisions");
        List<WebElement> appealBoxes = browser.main().findElements(By.cssSelector("textarea[name=body]"));
        appealBoxes.getFirst().sendKeys("These are real watches, not spam.");
        browser.follow(appealBoxes.getFirst().findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button")));
        assertThat(browser.main().getText()).contains("another moderator will decide");

        browser.switchTo(first);
        browser.open("/moderation/appeals");
        assertThat(browser.main().getText()).doesNotContain("These are real watches");
        browser.switchTo(second);
        browser.open("/moderation/appeals");
        assertThat(browser.main().getText()).contains("These are real watches, not spam.", "@" + spammer.handle());
        browser.screenshot("11-other-moderator-appeal");
        browser.follow(browser.button("Keep the decision"));
        assertThat(browser.main().getText()).contains("The appeal is decided.");
        browser.open("/moderation/log");
        assertThat(browser.main().getText()).contains("Appeal rejected, decision kept", "@" + second.handle());
        browser.screenshot("12-log-after-appeal");
        browser.assertEverythingCameFromTribune();
    }

    /** A rater of this camp whom the plan has rating the note helpful. */
    private static Account plannedHelpful(StoredPopulation population, NotePopulation.PlannedNote note, NotePopulation.Camp camp) {
        return population.plan.ratings.stream()
                .filter(r -> r.note() == note.index() && r.helpfulness() == Helpfulness.HELPFUL
                        && population.plan.raters.get(r.rater()).camp() == camp)
                .map(r -> population.raters.get(r.rater())).findFirst().orElseThrow();
    }

    /** One Chromium, handed from person to person by logging out and in again. */
    private final class Browser extends Chromium {
        Browser() {
            super(port, null, "notes-");
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
