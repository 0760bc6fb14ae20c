package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.ReadingLog;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * Trust levels rise as a person takes part, in headless Chromium: a newcomer reads, opens a post, likes it, answers
 * it and publishes her own; an administrator runs the computation; her profile shows the level she reached and what
 * it unlocked. The bars are lowered so a few minutes of taking part cross two levels. Screenshots:
 * {@code target/screenshots/trust-NN-name.png}.
 */
@IntegrationTest
@Tag("browser")
@TestPropertySource(properties = {"tribune.trust.tl1.posts-entered=1", "tribune.trust.tl1.posts-read=1",
        "tribune.trust.tl1.minutes-reading=0", "tribune.trust.tl2.days-visited=1", "tribune.trust.tl2.posts-entered=2",
        "tribune.trust.tl2.posts-read=2", "tribune.trust.tl2.minutes-reading=0", "tribune.trust.tl2.likes-given=1",
        "tribune.trust.tl2.likes-received=1", "tribune.trust.tl2.reply-threads=1"})
class TrustBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    PostService posts;
    @Autowired
    ReadingLog reading;
    @Autowired
    TrustLevels levels;

    private Chromium member;
    private Chromium admin;

    @AfterEach
    void close() {
        if (member != null) {
            member.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    void logIn(Chromium chromium, Account account) {
        chromium.open("/login");
        chromium.field("email").sendKeys(account.email());
        chromium.field("password").sendKeys(Members.PASSWORD);
        chromium.follow(chromium.button("Log in"));
    }

    @Test
    void aNewcomerTakesPartAndHerLevelRisesWhenTheLevelsAreComputed() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post bench = posts.publish(bob, null, new PostService.Draft("Where should the new bench go?",
                "The council gives us one bench for the square. Ideas welcome.", ""));

        // 1. Ana is new: her profile says what she can do and what comes next; the public page lists every level.
        member = Chromium.start(port, "trust-");
        logIn(member, ana);
        member.open("/@" + ana.handle());
        assertThat(member.text()).contains("Your trust level: 0, new", "What is next: level 1, basic", "0 of 1 posts opened");
        member.screenshot("01-new-member-profile");
        member.follow(member.driver().findElement(By.tagName("main")).findElement(By.linkText("What each level unlocks")));
        assertThat(member.h1()).isEqualTo("Trust levels");
        member.screenshot("02-levels-page");

        // 2. She reads Bob's post, opens it, likes it and answers it.
        member.open("/@" + bob.handle());
        member.follow(member.driver().findElement(By.tagName("main")).findElement(By.linkText("Where should the new bench go?")));
        assertThat(member.path()).isEqualTo("/p/" + bench.id());
        member.follow(member.driver().findElement(By.tagName("main")).findElement(By.cssSelector(".post-actions button[aria-pressed=false]")));
        member.field("comment-body").sendKeys("By the school gate: parents wait there every afternoon.");
        member.follow(member.button("Send"));
        assertThat(member.text()).contains("By the school gate");
        member.screenshot("03-liked-and-answered");

        // 3. She publishes her own post, and Bob likes it.
        member.open("/");
        member.field("post-title").sendKeys("Seed swap at the library");
        member.field("post-body").sendKeys("Saturday at ten: bring seeds in labelled envelopes.");
        member.follow(member.button("Publish"));
        long hers = Long.parseLong(member.path().substring("/p/".length()));
        posts.like(bob, hers);

        // Nodes write what they counted every few seconds; here, at once.
        reading.flush();
        member.open("/@" + ana.handle());
        assertThat(member.text()).contains("Your trust level: 0, new", "2 of 1 posts opened");
        member.screenshot("04-progress-before-computation");
        member.open("/invitations");
        assertThat(member.text()).contains("once you reach trust level 2");
        member.screenshot("05-invitations-not-yet");

        // 4. An administrator runs the computation now, instead of waiting for the night.
        Account adminAccount = members.admin("adm");
        admin = Chromium.start(port, "trust-admin-");
        logIn(admin, adminAccount);
        admin.open("/admin/trust");
        assertThat(admin.h1()).isEqualTo("Trust levels");
        admin.screenshot("06-admin-trust-page");
        admin.follow(admin.button("Compute trust levels now"));
        assertThat(admin.text()).contains("Trust levels computed.").containsPattern("\\d+ accounts examined");
        admin.screenshot("07-admin-computed");
        assertThat(levels.of(ana.id())).isEqualTo(TrustLevel.MEMBER);

        // 5. Ana's profile shows the level she reached, what it unlocked, and what comes next; others see the badge.
        member.open("/@" + ana.handle());
        assertThat(member.text()).contains("Your trust level: 2, member", "Invite people with invitation links",
                "What is next: level 3, regular");
        member.screenshot("08-member-profile-after");
        admin.open("/@" + ana.handle());
        assertThat(admin.driver().findElement(By.cssSelector("h1 .badge[href^='/trust-levels']")).getText())
                .isEqualTo("Level 2: member");
        assertThat(admin.text()).doesNotContain("What you can do now");
        admin.screenshot("09-profile-as-others-see-it");

        member.open("/invitations");
        assertThat(member.driver().findElements(By.xpath("//main//button[normalize-space()='Make an invitation link']"))).hasSize(1);
        member.open("/trust-levels?lang=fr");
        assertThat(member.h1()).isEqualTo("Niveaux de confiance");
        member.screenshot("10-levels-page-french");
        member.assertEverythingCameFromTribune();
        admin.assertEverythingCameFromTribune();
    }
}
