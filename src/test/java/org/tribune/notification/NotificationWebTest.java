package org.tribune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class NotificationWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    Notifications notifications;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    TokenService tokens;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    /** Bob asks to join Ana's group: once the notification is written (after commit), Ana has one more unread. */
    Group requestToJoin(Account ana, Account bob) {
        Group club = groups.create(ana, new GroupForm(NotificationServiceIntegrationTest.slug("web"), "Map Makers", "", "en",
                "PRIVATE", "REQUEST", List.of("Why?"), false));
        groupJoining.join(bob, club.slug(), List.of("Maps!"));
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(ana.id(), null).entries().stream()
                .anyMatch(e -> e.kind() == NotificationKind.JOIN_REQUEST && e.group().slug().equals(club.slug())));
        return club;
    }

    @Test
    void visitorsAreSentToLogInAndTheApiWantsAToken() {
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/notifications").location()).isEqualTo("/login");
        assertThat(visitor.get("/settings/notifications").location()).isEqualTo("/login");
        assertThat(visitor.get("/live").location()).isEqualTo("/login");
        assertThat(visitor.post("/notifications/read-all").location()).isEqualTo("/login");
        assertThat(visitor.get("/api/v1/notifications").status()).isEqualTo(401);
        assertThat(visitor.get("/api/v1/notifications/unread-count").status()).isEqualTo(401);
        assertThat(visitor.postJson("/api/v1/notifications/read-all", Map.of()).status()).isEqualTo(401);
        // Visitors get no live script: there is nothing to update.
        assertThat(visitor.get("/groups").body()).doesNotContain("/js/live.js").doesNotContain("unread-count");
    }

    @Test
    void theListShowsEntriesLinkedToTheirSubjectInEnglishAndFrench() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group club = requestToJoin(ana, bob);
        WebClient browser = signedIn(ana);

        WebClient.Response page = browser.get("/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Notifications");
        assertThat(page.body()).contains(bob.displayName() + " asks to join Map Makers")
                .contains("href=\"/groups/" + club.slug() + "/requests\"")
                .contains("<span id=\"unread-count\" class=\"badge\">1</span>")
                .contains("<script src=\"/js/live.js\" defer></script>")
                .contains("action=\"/notifications/read-all\"")
                .contains("Mark as read");

        WebClient.Response french = browser.get("/notifications?lang=fr");
        assertThat(french.body()).contains("<html lang=\"fr\"").contains(bob.displayName() + " demande à rejoindre Map Makers")
                .contains("Tout marquer comme lu");
        assertThat(browser.get("/settings/notifications?lang=fr").h1()).isEqualTo("Réglages des notifications");
        assertThat(browser.get("/settings/notifications?lang=en").h1()).isEqualTo("Notification settings");
        // The badge is on every page.
        assertThat(browser.get("/groups").body()).contains("<span id=\"unread-count\" class=\"badge\">1</span>");
    }

    @Test
    void entriesAreMarkedReadOneByOneOrAllAtOnce() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        requestToJoin(ana, bob);
        requestToJoin(ana, eve);
        WebClient browser = signedIn(ana);
        List<NotificationEntry> entries = notifications.page(ana.id(), null).entries();
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(2);

        WebClient.Response one = browser.post("/notifications/" + entries.getFirst().id() + "/read");
        assertThat(one.location()).isEqualTo("/notifications#n" + entries.getFirst().id());
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(1);

        Account carl = members.active("carl");
        long anasEntry = notifications.page(ana.id(), null).entries().getLast().id();
        assertThat(signedIn(carl).post("/notifications/" + anasEntry + "/read").status()).isEqualTo(404);
        assertThat(notifications.unreadCount(ana.id())).isEqualTo(1);

        WebClient.Response all = browser.post("/notifications/read-all");
        assertThat(all.location()).isEqualTo("/notifications");
        WebClient.Response after = browser.get("/notifications");
        assertThat(after.body()).contains("All your notifications are marked as read.")
                .contains("<span class=\"unread-badge\" hidden>")
                .doesNotContain("action=\"/notifications/read-all\"");
        assertThat(notifications.unreadCount(ana.id())).isZero();
    }

    @Test
    void theDigestIsChosenInTheSettings() {
        Account ana = members.active("ana");
        WebClient browser = signedIn(ana);

        WebClient.Response form = browser.get("/settings/notifications");
        assertThat(form.body()).contains("type=\"radio\" id=\"digest-WEEKLY\" name=\"digest\" value=\"WEEKLY\" checked")
                .contains("<label for=\"digest-DAILY\">");
        WebClient.Response saved = browser.post("/settings/notifications", "digest", "DAILY");
        assertThat(saved.location()).isEqualTo("/settings/notifications");
        assertThat(notifications.digest(ana.id())).isEqualTo(Digest.DAILY);
        assertThat(browser.get("/settings/notifications").body()).contains("Your notification settings were saved.")
                .contains("value=\"DAILY\" checked");

        WebClient.Response wrong = browser.post("/settings/notifications", "digest", "HOURLY");
        assertThat(wrong.body()).contains("Please choose how often you want the digest.");
        assertThat(notifications.digest(ana.id())).isEqualTo(Digest.DAILY);
    }

    @Test
    void theApiListsCountsAndMarksRead() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group club = requestToJoin(ana, bob);
        long post = NotificationServiceIntegrationTest.someId();
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, bob.id(), null, post, null);
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, members.active("eve").id(), null, post, null);
        String token = "Bearer " + tokens.createFor(ana.id(), "test");
        String othersToken = "Bearer " + tokens.createFor(bob.id(), "test");
        WebClient api = new WebClient(port);

        assertThat(api.get("/api/v1/notifications/unread-count", "Authorization", token).json().get("unread").asInt()).isEqualTo(2);
        JsonNode list = api.get("/api/v1/notifications", "Authorization", token).json();
        assertThat(list.get("next").isNull()).isTrue();
        JsonNode likes = list.get("items").get(0);
        assertThat(likes.get("id").isString()).isTrue();
        assertThat(likes.get("kind").asString()).isEqualTo("LIKE_ON_POST");
        assertThat(likes.get("others").asInt()).isEqualTo(1);
        assertThat(likes.get("postId").asString()).isEqualTo(Long.toString(post));
        assertThat(likes.get("read").asBoolean()).isFalse();
        JsonNode request = list.get("items").get(1);
        assertThat(request.get("kind").asString()).isEqualTo("JOIN_REQUEST");
        assertThat(request.get("actor").get("handle").asString()).isEqualTo(bob.handle());
        assertThat(request.get("actor").get("displayName").asString()).isEqualTo(bob.displayName());
        assertThat(request.get("groupSlug").asString()).isEqualTo(club.slug());
        assertThat(request.get("createdAt").asString()).isNotBlank();

        String likesId = likes.get("id").asString();
        assertThat(api.postJson("/api/v1/notifications/" + likesId + "/read", Map.of(), "Authorization", othersToken).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/notifications/" + likesId + "/read", Map.of(), "Authorization", token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/notifications/unread-count", "Authorization", token).json().get("unread").asInt()).isEqualTo(1);
        assertThat(api.postJson("/api/v1/notifications/read-all", Map.of(), "Authorization", token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/notifications/unread-count", "Authorization", token).json().get("unread").asInt()).isZero();
        assertThat(api.get("/api/v1/notifications?before=x", "Authorization", token).status()).isEqualTo(400);
    }

    @Test
    void theLiveScriptIsServedFromOurOrigin() {
        WebClient.Response script = new WebClient(port).get("/js/live.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(script.body()).contains("new EventSource('/live')").contains("unread-count").contains("'tribune:'");
    }
}
