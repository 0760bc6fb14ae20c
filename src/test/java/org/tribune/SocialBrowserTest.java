package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;

/**
 * A day on Tribune in real browsers, headless Chromium: Ana and Bob each in their own window, and a visitor in a
 * third, using groups, posts, comments, likes, follows and the home feed by the pages' links, forms and keys. Every
 * step leaves a full-page screenshot {@code target/screenshots/social-NN-name.png}, and every request every window
 * makes must stay on Tribune's own origin, with nothing in the browser consoles.
 */
@IntegrationTest
@Tag("browser")
class SocialBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;

    private final List<Window> windows = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        windows.forEach(Window::close);
    }

    @Test
    void aDayOfGroupsPostsCommentsLikesAndFollows() {
        Account anaAccount = members.active("ana");
        Account bobAccount = members.active("bob");
        String ana = anaAccount.handle();
        String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
        String climate = "climate-" + run;
        String garden = "garden-club-" + run;

        // 1. Ana logs in and creates two groups: one anyone reads and joins, one private that asks a question.
        Window anaWindow = open("ana");
        anaWindow.logIn(anaAccount);
        anaWindow.follow(anaWindow.headerLink("Groups"));
        assertThat(anaWindow.h1()).isEqualTo("Groups");
        anaWindow.screenshot("01-ana-groups");

        anaWindow.follow(anaWindow.main().findElement(By.linkText("Create a group")));
        anaWindow.createGroup(climate, "Climate", "Local action on **heat**, trees and transport.", "PUBLIC", "OPEN", null);
        anaWindow.screenshot("02-ana-create-climate-filled");
        anaWindow.follow(anaWindow.button("Create a group"));
        assertThat(anaWindow.path()).isEqualTo("/groups/" + climate);
        assertThat(anaWindow.h1()).isEqualTo("Climate");
        long welcome = anaWindow.publish("Welcome to Climate", "Say hello and tell us which street you live on.", null);
        anaWindow.follow(anaWindow.main().findElement(By.cssSelector(".post .meta a[href='/groups/" + climate + "']")));
        assertThat(anaWindow.postIds()).containsExactly(welcome);
        anaWindow.screenshot("03-ana-climate-with-welcome");

        anaWindow.follow(anaWindow.headerLink("Groups"));
        anaWindow.follow(anaWindow.main().findElement(By.linkText("Create a group")));
        anaWindow.createGroup(garden, "Garden club", "Allotment neighbours swapping seeds and tools.", "PRIVATE", "REQUEST",
                "Which allotment is yours?");
        anaWindow.screenshot("04-ana-create-garden-club-filled");
        anaWindow.follow(anaWindow.button("Create a group"));
        assertThat(anaWindow.h1()).isEqualTo("Garden club");
        assertThat(anaWindow.main().getText()).contains("Private", "On request");
        long seedSwap = anaWindow.publish("Seed swap on Saturday", "Bring labelled envelopes; I bring the **tomatoes**.", null);
        assertThat(anaWindow.h1()).isEqualTo("Seed swap on Saturday");
        anaWindow.screenshot("05-ana-private-post");

        // 2. Bob, in a window of his own, finds Climate by searching the directory, joins, and publishes there.
        Window bobWindow = open("bob");
        bobWindow.logIn(bobAccount);
        bobWindow.follow(bobWindow.headerLink("Groups"));
        bobWindow.press(bobWindow.field("query"), "Climate", Keys.ENTER);
        assertThat(bobWindow.path()).isEqualTo("/groups");
        assertThat(bobWindow.field("query").getDomProperty("value")).isEqualTo("Climate");
        assertThat(bobWindow.main().findElement(By.cssSelector(".group-cards li")).getText())
                .contains("Local action on heat, trees and transport.").doesNotContain("**");
        bobWindow.screenshot("06-bob-directory-search");

        bobWindow.follow(bobWindow.main().findElement(By.cssSelector(".group-cards a[href='/groups/" + climate + "']")));
        assertThat(bobWindow.h1()).isEqualTo("Climate");
        bobWindow.follow(bobWindow.button("Join"));
        assertThat(bobWindow.notice()).isEqualTo("Welcome to the group!");
        assertThat(bobWindow.main().getText()).contains("2 members");
        bobWindow.screenshot("07-bob-joined-climate");

        bobWindow.field("post-title").sendKeys("Heat map of our streets");
        bobWindow.field("post-body").sendKeys("Thanks @" + ana + " for the **street walk** on Sunday. What we measured:\n\n"
                + "- 41 °C on the car park\n- 29 °C under the plane trees\n\nThe full data is at the link.");
        bobWindow.field("post-link").sendKeys("https://example.org/heat-map");
        bobWindow.screenshot("08-bob-composer-filled");
        bobWindow.follow(bobWindow.button("Publish"));
        long heatMap = bobWindow.postIdFromPath();
        assertThat(bobWindow.notice()).isEqualTo("Your post is published.");
        assertThat(bobWindow.h1()).isEqualTo("Heat map of our streets");
        WebElement body = bobWindow.main().findElement(By.cssSelector(".post-body"));
        assertThat(body.findElement(By.tagName("strong")).getText()).isEqualTo("street walk");
        assertThat(body.findElements(By.cssSelector("li"))).hasSize(2);
        assertThat(body.findElement(By.linkText("@" + ana)).getDomAttribute("href")).isEqualTo("/@" + ana);
        assertThat(bobWindow.main().findElement(By.cssSelector(".post-link a")).getDomAttribute("href"))
                .isEqualTo("https://example.org/heat-map");
        bobWindow.screenshot("09-bob-permalink");

        bobWindow.follow(bobWindow.main().findElement(By.cssSelector(".post .meta a[href='/groups/" + climate + "']")));
        assertThat(bobWindow.postIds()).containsExactly(heatMap, welcome);
        bobWindow.screenshot("10-bob-climate-with-his-post");

        // 3. Bob asks to join the private Garden club; Ana approves from the requests; Bob then reads its posts.
        bobWindow.follow(bobWindow.headerLink("Groups"));
        bobWindow.press(bobWindow.field("query"), "Garden", Keys.ENTER);
        bobWindow.follow(bobWindow.main().findElement(By.cssSelector(".group-cards a[href='/groups/" + garden + "']")));
        assertThat(bobWindow.main().getText()).contains("Only members").doesNotContain("Seed swap");
        bobWindow.screenshot("11-bob-garden-club-closed");

        bobWindow.follow(bobWindow.main().findElement(By.linkText("Ask to join")));
        assertThat(bobWindow.h1()).isEqualTo("Ask to join Garden club");
        assertThat(bobWindow.main().findElement(By.cssSelector("label[for=answer0]")).getText()).isEqualTo("Which allotment is yours?");
        bobWindow.field("answer0").sendKeys("Number 12, by the pond.");
        bobWindow.screenshot("12-bob-join-request-filled");
        bobWindow.follow(bobWindow.button("Send my request"));
        assertThat(bobWindow.notice()).isEqualTo("Your request was sent to the moderators.");
        assertThat(bobWindow.main().getText()).contains("Your request to join is waiting for a moderator.");
        bobWindow.screenshot("13-bob-request-pending");

        anaWindow.follow(anaWindow.headerLink("Groups"));
        anaWindow.follow(anaWindow.main().findElement(By.cssSelector("#mine-heading + ul a[href='/groups/" + garden + "']")));
        anaWindow.follow(anaWindow.main().findElement(By.linkText("Requests (1)")));
        assertThat(anaWindow.main().getText()).contains("@" + bobAccount.handle(), "Which allotment is yours?", "Number 12, by the pond.");
        anaWindow.screenshot("14-ana-requests");
        anaWindow.follow(anaWindow.button("Approve"));
        assertThat(anaWindow.notice()).isEqualTo("The request was approved.");
        assertThat(anaWindow.main().getText()).contains("No request is waiting.", "Requests (0)");
        anaWindow.screenshot("15-ana-request-approved");

        bobWindow.reload();
        assertThat(bobWindow.postIds()).containsExactly(seedSwap);
        assertThat(bobWindow.main().getText()).contains("Seed swap on Saturday", "2 members");
        bobWindow.screenshot("16-bob-garden-club-posts");

        // 4. Ana comments on Bob's post, Bob replies under her comment, Ana likes the post.
        anaWindow.follow(anaWindow.headerLink("Home"));
        anaWindow.follow(anaWindow.main().findElement(By.linkText("Heat map of our streets")));
        assertThat(anaWindow.path()).isEqualTo("/p/" + heatMap);
        anaWindow.field("comment-body").sendKeys("Great map! Shall we walk the east side in July?");
        anaWindow.follow(anaWindow.button("Send"));
        long anaComment = anaWindow.fragmentId("c");
        assertThat(anaWindow.main().findElement(By.id("c" + anaComment)).getText()).contains("Great map!");
        anaWindow.screenshot("17-ana-commented");

        bobWindow.reload(); // he is on the Garden club: back to his post by his home feed
        bobWindow.follow(bobWindow.headerLink("Home"));
        bobWindow.follow(bobWindow.main().findElement(By.linkText("Heat map of our streets")));
        WebElement hers = bobWindow.field("c" + anaComment);
        hers.findElement(By.cssSelector("details.reply summary")).sendKeys(Keys.ENTER);
        WebElement reply = hers.findElement(By.cssSelector("textarea[name=body]"));
        new WebDriverWait(bobWindow.driver(), Chromium.PATIENCE).until(ExpectedConditions.visibilityOf(reply));
        assertThat(hers.findElement(By.cssSelector("label[for=reply-" + anaComment + "]")).getText()).isEqualTo("Your reply to @" + ana);
        reply.sendKeys("Yes! The 14th, from the town hall at nine.");
        bobWindow.screenshot("18-bob-reply-open");
        bobWindow.follow(hers.findElement(By.xpath(".//button[normalize-space()='Send']")));
        long bobReply = bobWindow.fragmentId("c");
        assertThat(bobWindow.field("c" + bobReply).getDomAttribute("class")).contains("indent-1");
        bobWindow.screenshot("19-bob-replied");

        anaWindow.reload();
        anaWindow.follow(anaWindow.main().findElement(By.cssSelector(".post-actions button[aria-pressed=false]")));
        assertThat(anaWindow.path()).isEqualTo("/p/" + heatMap);
        assertThat(anaWindow.main().findElement(By.cssSelector(".post-actions")).getText()).contains("Unlike", "1 like", "2 comments");
        List<WebElement> thread = anaWindow.main().findElements(By.cssSelector("ol.thread > li"));
        assertThat(thread).extracting(li -> li.getDomAttribute("id")).containsExactly("c" + anaComment, "c" + bobReply);
        assertThat(thread).extracting(li -> li.getDomAttribute("class")).containsExactly("comment indent-0", "comment indent-1");
        anaWindow.screenshot("20-ana-liked-thread");
        anaWindow.follow(anaWindow.main().findElement(By.linkText("1 like")));
        assertThat(anaWindow.h1()).isEqualTo("People who liked this");
        // one liker, ana: her face (an initial when she has no picture), her name and her handle
        assertThat(anaWindow.main().findElements(By.cssSelector(".member-list li"))).extracting(WebElement::getText)
                .singleElement().asString().endsWith(anaAccount.displayName() + " @" + ana);
        anaWindow.screenshot("21-likers");

        // 5. Bob follows Ana from her profile; Ana posts on hers; Bob's home feed says why each post is there.
        bobWindow.reload();
        bobWindow.follow(bobWindow.main().findElement(By.cssSelector(".post-body")).findElement(By.linkText("@" + ana)));
        assertThat(bobWindow.path()).isEqualTo("/@" + ana);
        bobWindow.follow(bobWindow.button("Follow @" + ana));
        assertThat(bobWindow.notice()).isEqualTo("You now follow this person.");
        assertThat(bobWindow.main().getText()).contains("1 follower");
        bobWindow.screenshot("22-bob-follows-ana");

        anaWindow.follow(anaWindow.headerLink("Home"));
        anaWindow.field("post-body").sendKeys("Off to the seed library this afternoon. Anyone need bean cuttings?");
        anaWindow.follow(anaWindow.button("Publish"));
        long beans = anaWindow.postIdFromPath();
        anaWindow.follow(anaWindow.accountMenu().findElement(By.cssSelector("a[href='/@" + ana + "']")));
        assertThat(anaWindow.postIds()).startsWith(beans);
        anaWindow.screenshot("23-ana-profile-with-post");

        bobWindow.follow(bobWindow.headerLink("Home"));
        // Bob's week is quiet, so the feed mixes in marked suggestions from active public groups: his own entries,
        // in order, are these.
        assertThat(bobWindow.ownEntryIds()).containsExactly(beans, heatMap, seedSwap, welcome);
        assertThat(bobWindow.main().findElements(By.cssSelector(".feed .post .reason"))).extracting(WebElement::getText)
                .filteredOn(reason -> !reason.startsWith("Suggestion:"))
                .containsExactly("You follow @" + ana, "Your post", "In Garden club", "In Climate");
        bobWindow.screenshot("24-bob-home-feed");
        // Liking from the feed brings him back to the post he liked, not to the top of the feed.
        bobWindow.follow(bobWindow.field("post-" + beans).findElement(By.cssSelector(".post-actions button")));
        assertThat(bobWindow.path()).isEqualTo("/");
        assertThat(bobWindow.fragmentId("post-")).isEqualTo(beans);
        assertThat(bobWindow.field("post-" + beans).findElement(By.cssSelector(".post-actions")).getText())
                .contains("Unlike", "1 like");

        // 6. A visitor, logged out, sees that the private group exists but nothing of what is said there.
        Window visitor = open("visitor");
        visitor.open("/");
        visitor.follow(visitor.headerLink("Groups"));
        visitor.press(visitor.field("query"), "Garden", Keys.ENTER);
        visitor.follow(visitor.main().findElement(By.cssSelector(".group-cards a[href='/groups/" + garden + "']")));
        assertThat(visitor.h1()).isEqualTo("Garden club");
        assertThat(visitor.postIds()).isEmpty();
        assertThat(visitor.main().getText()).contains("Only members").doesNotContain("Seed swap", "tomatoes");
        visitor.screenshot("25-visitor-private-group");
        visitor.expectMissing("/p/" + seedSwap);
        visitor.open("/p/" + seedSwap);
        assertThat(visitor.h1()).isEqualTo("Page not found");
        assertThat(visitor.main().getText()).doesNotContain("Seed swap", "tomatoes", ana);
        visitor.screenshot("26-visitor-private-post-404");

        // 7. On a phone, nothing is wider than the screen.
        bobWindow.onPhone();
        bobWindow.reload();
        bobWindow.assertNoSidewaysScrolling();
        bobWindow.screenshot("27-phone-home-feed");
        bobWindow.follow(bobWindow.main().findElement(By.linkText("Heat map of our streets")));
        assertThat(bobWindow.main().findElements(By.cssSelector("li.comment.indent-1"))).hasSize(1);
        bobWindow.assertNoSidewaysScrolling();
        bobWindow.screenshot("28-phone-permalink-thread");
        bobWindow.open("/groups");
        bobWindow.assertNoSidewaysScrolling();
        bobWindow.screenshot("29-phone-group-directory");
        bobWindow.onDesktop();

        // 8. In French: the header's language button, then the group page and a permalink.
        bobWindow.follow(bobWindow.headerLink("Groups"));
        bobWindow.follow(bobWindow.main().findElement(By.cssSelector("#mine-heading + ul a[href='/groups/" + climate + "']")));
        bobWindow.follow(bobWindow.accountMenu().findElement(By.cssSelector("form.language button[value=fr]")));
        assertThat(bobWindow.lang()).isEqualTo("fr");
        assertThat(bobWindow.path()).isEqualTo("/groups/" + climate);
        assertThat(bobWindow.main().getText()).contains("Publications");
        bobWindow.screenshot("30-fr-group");
        bobWindow.follow(bobWindow.main().findElement(By.linkText("Heat map of our streets")));
        assertThat(bobWindow.lang()).isEqualTo("fr");
        assertThat(bobWindow.main().findElement(By.cssSelector(".post-actions")).getText()).contains("1 personne aime");
        bobWindow.screenshot("31-fr-permalink");

        windows.forEach(Window::assertEverythingCameFromTribune);
    }

    private Window open(String who) {
        Window window = new Window(who);
        windows.add(window);
        return window;
    }

    /** One person's browser, with what Tribune's pages offer them: a Chromium that knows its way around. */
    private final class Window extends Chromium {
        Window(String who) {
            super(port, who, "social-");
        }

        void logIn(Account account) {
            open("/");
            follow(headerLink("Log in"));
            field("email").sendKeys(account.email());
            field("password").sendKeys(Members.PASSWORD);
            follow(button("Log in"));
            assertThat(header().getText()).contains("@" + account.handle());
        }

        /** Fills the group form; the radio buttons by keyboard, as the arrow keys and space would. */
        void createGroup(String slug, String name, String description, String visibility, String policy, String question) {
            assertThat(h1()).isEqualTo("Create a group");
            field("slug").sendKeys(slug);
            field("name").sendKeys(name);
            field("description").sendKeys(description);
            field("visibility-" + visibility).sendKeys(Keys.SPACE);
            field("joinPolicy-" + policy).sendKeys(Keys.SPACE);
            assertThat(field("visibility-" + visibility).isSelected()).isTrue();
            assertThat(field("joinPolicy-" + policy).isSelected()).isTrue();
            if (question != null) {
                field("question0").sendKeys(question);
            }
        }

        /** Writes in the page's composer and publishes; answers the new post's id, from its permalink. */
        long publish(String title, String body, String link) {
            if (title != null) {
                field("post-title").sendKeys(title);
            }
            field("post-body").sendKeys(body);
            if (link != null) {
                field("post-link").sendKeys(link);
            }
            follow(button("Publish"));
            assertThat(notice()).isEqualTo("Your post is published.");
            return postIdFromPath();
        }

        WebElement headerLink(String text) {
            return header().findElement(By.linkText(text));
        }

        WebElement header() {
            return driver().findElement(By.cssSelector("header.site-header"));
        }

        WebElement main() {
            return driver().findElement(By.tagName("main"));
        }

        String notice() {
            return driver().findElement(By.cssSelector("main .notice")).getText();
        }

        long postIdFromPath() {
            assertThat(path()).matches("/p/\\d+");
            return Long.parseLong(path().substring(3));
        }

        /** The id in the address's fragment, as {@code #c123} after a comment is sent. */
        long fragmentId(String prefix) {
            String fragment = URI.create(driver().getCurrentUrl()).getFragment();
            assertThat(fragment).matches(prefix + "\\d+");
            return Long.parseLong(fragment.substring(prefix.length()));
        }

        /** The posts on the page, in the order shown. */
        /** The feed's posts, leaving out those marked as suggestions for a quiet feed. */
        List<Long> ownEntryIds() {
            return main().findElements(By.cssSelector("article.post")).stream()
                    .filter(a -> a.findElements(By.cssSelector(".reason")).stream()
                            .noneMatch(r -> r.getText().startsWith("Suggestion:")))
                    .map(a -> Long.parseLong(a.getDomAttribute("id").substring("post-".length()))).toList();
        }

        List<Long> postIds() {
            return main().findElements(By.cssSelector("article.post")).stream()
                    .map(a -> Long.parseLong(a.getDomAttribute("id").substring("post-".length()))).toList();
        }

        /** Stricter than the usual check: the window is the phone's, and the page no wider than either width. */
        @Override
        void assertNoSidewaysScrolling() {
            Object widths = driver().executeScript("return [document.documentElement.scrollWidth, window.innerWidth, "
                    + "document.documentElement.clientWidth]");
            List<?> w = (List<?>) widths;
            int scrollWidth = ((Number) w.get(0)).intValue();
            assertThat(((Number) w.get(1)).intValue()).as("window width on a phone").isEqualTo(390);
            assertThat(scrollWidth).as("page width on " + path()).isLessThanOrEqualTo(((Number) w.get(1)).intValue())
                    .isLessThanOrEqualTo(((Number) w.get(2)).intValue());
        }
    }
}
