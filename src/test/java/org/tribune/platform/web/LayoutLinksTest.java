package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * The header and footer link only to pages the reader can use: each link is absent for someone the page would refuse
 * (403) and present for someone it serves, and the page behind it answers accordingly.
 */
@IntegrationTest
class LayoutLinksTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trust;

    private WebClient signedIn(Account account) {
        WebClient client = new WebClient(port);
        client.login(account.email(), Members.PASSWORD);
        return client;
    }

    private static boolean links(WebClient.Response page, String path) {
        return page.body().contains("href=\"" + path + "\"");
    }

    @Test
    void notesToRateAreLinkedOnlyForThoseWhoMayRate() {
        Account newcomer = members.active("newnotes");
        TrustFixture.set(trust, newcomer.id(), TrustLevel.NEW);
        Account rater = members.active("rater");
        TrustFixture.set(trust, rater.id(), TrustLevel.BASIC);

        WebClient newcomers = signedIn(newcomer);
        WebClient.Response home = newcomers.get("/groups");
        assertThat(home.status()).isEqualTo(200);
        assertThat(links(home, "/notes/needs-ratings")).as("needs-ratings linked for a newcomer").isFalse();
        assertThat(links(home, "/notes/about")).as("the notes are explained instead").isTrue();
        assertThat(newcomers.get("/notes/needs-ratings").status()).as("the page refuses them").isEqualTo(403);

        WebClient raters = signedIn(rater);
        WebClient.Response theirs = raters.get("/groups");
        assertThat(links(theirs, "/notes/needs-ratings")).as("needs-ratings linked for a rater").isTrue();
        assertThat(raters.get("/notes/needs-ratings").status()).isEqualTo(200);

        WebClient.Response visitors = new WebClient(port).get("/groups");
        assertThat(links(visitors, "/notes/needs-ratings")).isFalse();
        assertThat(links(visitors, "/notes/about")).isTrue();
    }

    @Test
    void invitationsAreLinkedOnlyForThoseWhoMayInvite() {
        Account basic = members.active("noinvite");
        TrustFixture.set(trust, basic.id(), TrustLevel.BASIC);
        Account member = members.active("inviter");
        TrustFixture.set(trust, member.id(), TrustLevel.MEMBER);

        WebClient.Response basics = signedIn(basic).get("/groups");
        assertThat(links(basics, "/invitations")).as("invitations linked below trust level 2").isFalse();
        WebClient inviters = signedIn(member);
        assertThat(links(inviters.get("/groups"), "/invitations")).as("invitations linked at trust level 2").isTrue();
        assertThat(inviters.get("/invitations").body()).doesNotContain("You can invite people once you reach trust level 2");
    }

    @Test
    void staffPagesAreLinkedOnlyForTheirStaff() {
        Account plain = members.active("plain");
        WebClient.Response page = signedIn(plain).get("/groups");
        assertThat(links(page, "/admin/users")).isFalse();
        assertThat(links(page, "/moderation/queue")).isFalse();
        assertThat(links(page, "/treasury")).isFalse();
        WebClient plainClient = signedIn(plain);
        assertThat(plainClient.get("/admin/users").status()).isEqualTo(403);
        assertThat(plainClient.get("/moderation/queue").status()).isEqualTo(403);
        assertThat(plainClient.get("/treasury").status()).isEqualTo(403);

        WebClient.Response admins = signedIn(members.admin("boss")).get("/groups");
        assertThat(links(admins, "/admin/users")).isTrue();
        assertThat(links(admins, "/moderation/queue")).isTrue();
        assertThat(links(admins, "/treasury")).isTrue();
        WebClient.Response moderators = signedIn(members.withRole("mod", Role.MODERATOR)).get("/groups");
        assertThat(links(moderators, "/moderation/queue")).isTrue();
        assertThat(links(moderators, "/admin/users")).isFalse();
        WebClient.Response treasurers = signedIn(members.withRole("cash", Role.TREASURER)).get("/groups");
        assertThat(links(treasurers, "/treasury")).isTrue();
        assertThat(links(treasurers, "/moderation/queue")).isFalse();
    }
}
