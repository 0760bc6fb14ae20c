package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * Zero third-party requests: Chromium visits every kind of page as a visitor, a member waiting for admission, a
 * member, a moderator and an administrator, and every request any page makes (performance log of the browser)
 * must go to Tribune's own origin. A post links to another site: its preview must not make the browser contact it.
 */
@IntegrationTest
@Tag("browser")
class PrivacyBrowserTest {
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

    @Test
    void everyPageForEveryoneStaysOnOurOrigin() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        Account member = members.active("mem");
        accounts.changeAvatar(member.id(), "member.png", org.tribune.privacy.TestImages.png());
        Account moderator = members.withRole("mod", Role.MODERATOR);
        Account admin = members.admin("adm");
        Account waiting = members.waiting("wai");
        Group open = groups.create(member, new GroupForm("open-" + run, "Open " + run, "About *things*", "en", "PUBLIC",
                "OPEN", List.of(), false));
        Group secret = groups.create(member, new GroupForm("secret-" + run, "Secret " + run, "", "en", "PRIVATE",
                "OPEN", List.of(), false));
        groupJoining.join(moderator, open.slug(), List.of());
        Post linked = posts.publish(member, open.id(), new PostService.Draft("Elsewhere",
                "Read this: https://example.org/article and ![x](https://example.org/pixel.png)", "https://example.org/article"));
        posts.comment(moderator, linked.id(), "Nice @" + member.handle(), null);
        Post inSecret = posts.publish(member, secret.id(), new PostService.Draft("", "Just us", null));

        List<String> everyone = List.of("/", "/groups", "/groups/" + open.slug(), "/groups/" + open.slug() + "/members",
                "/p/" + linked.id(), "/p/" + linked.id() + "/likes", "/@" + member.handle(), "/@" + member.handle() + "/followers",
                "/@" + member.handle() + "/following", "/conduct", "/donate", "/transparency");
        List<String> visitorOnly = List.of("/login", "/signup", "/reset-password");
        List<String> signedIn = List.of("/settings", "/settings/security", "/settings/privacy", "/settings/privacy/data",
                "/settings/privacy/delete", "/settings/notifications", "/settings/donations", "/invitations");
        List<String> memberPages = List.of("/notifications", "/groups/new", "/groups/" + secret.slug(), "/p/" + inSecret.id());
        List<String> adminPages = List.of("/admin/users", "/admin/users/" + member.handle(), "/admin/audit", "/admin/mail",
                "/admin/admission", "/admin/groups", "/treasury");

        visit("visitor", null, concat(everyone, visitorOnly));
        visit("waiting", waiting, concat(List.of("/waitlist", "/groups", "/@" + member.handle(), "/conduct"), signedIn));
        visit("member", member, concat(everyone, signedIn, memberPages));
        visit("moderator", moderator, concat(everyone, signedIn, List.of("/notifications")));
        visit("admin", admin, concat(everyone, signedIn, adminPages));
    }

    private void visit(String who, Account account, List<String> paths) {
        try (Chromium chromium = new Chromium(port, who, "privacy-" + who + "-")) {
            if (account != null) {
                chromium.open("/login");
                chromium.field("email").sendKeys(account.email());
                chromium.field("password").sendKeys(Members.PASSWORD);
                chromium.follow(chromium.button("Log in"));
            }
            int n = 0;
            for (String path : paths) {
                chromium.open(path);
                assertThat(chromium.driver().findElements(By.tagName("h1"))).as(who + " " + path).isNotEmpty();
                if (n++ % 6 == 0 || path.startsWith("/settings/privacy")) {
                    chromium.screenshot(String.format("%02d", n) + path.replace("/", "-"));
                }
            }
            chromium.assertEverythingCameFromTribune();
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
