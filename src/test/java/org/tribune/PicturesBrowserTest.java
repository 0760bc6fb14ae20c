package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.media.TestPictures;
import org.tribune.post.PostService;

/**
 * Pictures as a member uses them on a phone: two photos with their descriptions from the group's composer (with
 * previews, one moved before the other), then the feed with the photos and a face beside every post. Screenshots in
 * {@code target/screenshots/pictures-*.png}, kept in docs/screens/pictures/.
 */
@IntegrationTest
@Tag("browser")
class PicturesBrowserTest {
    private static final Path KEPT = Path.of("docs", "screens", "pictures");

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AccountService accounts;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    PostService posts;

    private Chromium browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMemberPostsTwoPhotosWithDescriptionsAndSeesThemInTheFeedWithFaces() throws IOException {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        accounts.updateProfile(ana.id(), "Ana Lima", "");
        accounts.updateProfile(bob.id(), "Bob Okafor", "");
        accounts.changeAvatar(ana.id(), "ana.png", face(0xE07A5F));
        accounts.changeAvatar(bob.id(), "bob.png", face(0x3D405B));
        String slug = "birds-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        Group birds = groups.create(bob, new GroupForm(slug, "Garden birds", "", "en", "PUBLIC", "OPEN", List.of(), false));
        groupJoining.join(ana, slug, List.of());
        posts.publish(members.reload(bob), birds.id(), new PostService.Draft("", "Who else has a robin nesting in the hedge?", null));

        Path portrait = Files.createTempFile("hoopoe-", ".jpg");
        Files.write(portrait, TestPictures.cameraJpeg(1200, 900, 6)); // a phone's portrait photo, stored sideways
        Path landscape = Files.createTempFile("feeder-", ".png");
        Files.write(landscape, TestPictures.png(1600, 1000));

        browser = Chromium.start(port, "pictures-");
        browser.onPhone();
        browser.open("/login");
        browser.field("email").sendKeys(ana.email());
        browser.field("password").sendKeys(Members.PASSWORD);
        browser.follow(browser.button("Log in"));
        browser.open("/groups/" + slug);
        assertThat(browser.h1()).isEqualTo("Garden birds");

        browser.field("post-body").sendKeys("Two visitors this morning.");
        browser.field("post-photo1").sendKeys(landscape.toAbsolutePath().toString());
        browser.field("post-description1").sendKeys("A bird feeder hanging from a branch, seen from the kitchen window");
        WebElement second = browser.field("post-photo2");
        assertThat(second.isDisplayed()).as("the next slot appears once a photo is chosen").isTrue();
        assertThat(browser.field("post-photo3").isDisplayed()).isFalse();
        second.sendKeys(portrait.toAbsolutePath().toString());
        browser.field("post-description2").sendKeys("A hoopoe on the garden fence, its crest raised");
        assertThat(browser.driver().findElements(By.cssSelector(".photo-preview"))).hasSize(2);
        // the hoopoe first: "Move earlier" on the second photo swaps the files and their descriptions
        browser.driver().findElements(By.cssSelector("[data-photo-slot]")).get(1)
                .findElement(By.xpath(".//button[normalize-space()='Move earlier']")).click();
        assertThat(browser.field("post-description1").getDomProperty("value")).startsWith("A hoopoe");
        browser.screenshot("01-composer-with-two-photos");

        browser.follow(browser.button("Publish"));
        assertThat(browser.path()).matches("/p/\\d+");
        List<WebElement> shown = browser.driver().findElements(By.cssSelector("article.post .post-media img.media-image"));
        assertThat(shown).extracting(img -> img.getDomAttribute("alt")).containsExactly(
                "A hoopoe on the garden fence, its crest raised",
                "A bird feeder hanging from a branch, seen from the kitchen window");
        browser.screenshot("02-post-with-photos");

        // every comment form takes a picture: a reply under a comment too, with the composer's preview
        browser.field("comment-body").sendKeys("The hoopoe came back at noon.");
        browser.follow(browser.button("Send"));
        long comment = commentInAddress();
        WebElement under = browser.field("c" + comment);
        under.findElement(By.cssSelector("details.reply summary")).click();
        browser.field("reply-" + comment + "-photo1").sendKeys(landscape.toAbsolutePath().toString());
        browser.field("reply-" + comment + "-description1").sendKeys("The feeder again, empty at noon");
        assertThat(under.findElements(By.cssSelector(".photo-preview"))).hasSize(1);
        browser.follow(under.findElement(By.xpath(".//button[normalize-space()='Send']")));
        long reply = commentInAddress();
        assertThat(browser.field("c" + reply).getDomAttribute("class")).contains("indent-1");
        assertThat(browser.field("c" + reply).findElement(By.cssSelector("img.media-image")).getDomAttribute("alt"))
                .isEqualTo("The feeder again, empty at noon");
        browser.screenshot("02b-reply-with-photo");

        browser.open("/groups/" + slug);
        List<WebElement> articles = browser.driver().findElements(By.cssSelector("article.post"));
        assertThat(articles).hasSize(2);
        for (WebElement article : articles) {
            WebElement face = article.findElement(By.cssSelector(".meta img.avatar"));
            assertThat(loaded(face)).as("a face beside every post").isTrue();
        }
        List<WebElement> photos = articles.getFirst().findElements(By.cssSelector("img.media-image"));
        assertThat(photos).hasSize(2);
        for (WebElement photo : photos) {
            browser.driver().executeScript("arguments[0].scrollIntoView()", photo);
        }
        browser.driver().executeScript("window.scrollTo(0, 0)");
        for (WebElement photo : photos) {
            assertThat(loaded(photo)).isTrue();
            assertThat(photo.getDomAttribute("src")).endsWith(".jpg");
        }
        // the browser chose the modern format from <picture>
        Object current = browser.driver().executeScript("return arguments[0].currentSrc", photos.getFirst());
        assertThat(String.valueOf(current)).endsWith(".webp");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("03-group-feed-with-faces");

        browser.open("/");
        assertThat(browser.driver().findElements(By.cssSelector("article.post .meta img.avatar"))).isNotEmpty();
        browser.screenshot("04-home-feed");
        browser.assertEverythingCameFromTribune();

        Files.createDirectories(KEPT);
        for (String name : List.of("01-composer-with-two-photos", "02-post-with-photos", "03-group-feed-with-faces", "04-home-feed")) {
            Files.copy(Path.of("target", "screenshots", "pictures-" + name + ".png"), KEPT.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The comment the address points to, as {@code #c123} after a comment is sent. */
    private long commentInAddress() {
        String fragment = java.net.URI.create(browser.driver().getCurrentUrl()).getFragment();
        assertThat(fragment).matches("c\\d+");
        return Long.parseLong(fragment.substring(1));
    }

    private boolean loaded(WebElement image) {
        Object width = browser.driver().executeScript(
                "var i = arguments[0]; return i.complete ? i.naturalWidth : 0", image);
        return ((Number) width).intValue() > 0;
    }

    /** A face-coloured disc on white, as a stand-in profile picture. */
    private static byte[] face(int rgb) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 256, 256);
        g.setColor(new java.awt.Color(rgb));
        g.fillOval(28, 28, 200, 200);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
