package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.notification.NotificationKind;
import org.tribune.notification.Notifications;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * Administrators see the after-commit work that is still pending (/admin/events, GET /api/v1/admin/events) and hand
 * it to its listener again; nobody else sees or touches it. A publication run twice has the effect of one.
 */
@IntegrationTest
class PendingEventsWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    @Autowired
    PostService posts;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient db;

    Account admin;
    Account ana;
    Account bob;
    Post anas;

    @BeforeEach
    void aLikeWhoseNotificationWasInterrupted() {
        admin = members.admin("adm");
        ana = members.active("ana");
        bob = members.active("bob");
        anas = posts.publish(ana, null, new PostService.Draft("", "Sunday market", null));
    }

    /** A publication as a node leaves it when it dies after the commit and before the listener: Bob liked Ana's post. */
    private UUID pendingLike(Instant publishedAt) {
        UUID id = UUID.randomUUID();
        db.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, "
                        + "completion_attempts) values (?, ?, ?, ?, ?, 'PUBLISHED', 0)")
                .params(id, "notification.postLiked", "org.tribune.post.PostEvents$PostLiked",
                        "{\"postId\":" + anas.id() + ",\"groupId\":null,\"likerId\":" + bob.id() + ",\"authorId\":" + ana.id() + "}",
                        Sql.ts(publishedAt))
                .update();
        return id;
    }

    private long likeNotifications() {
        return notifications.page(ana.id(), null).entries().stream().filter(e -> e.kind() == NotificationKind.LIKE_ON_POST
                && e.postId() != null && e.postId() == anas.id()).count();
    }

    private boolean pending(UUID id) {
        return db.sql("select count(*) from event_publication where id = ?").param(id).query(Long.class).single() > 0;
    }

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        assertThat(browser.login(account.email(), Members.PASSWORD).location()).isEqualTo("/");
        return browser;
    }

    @Test
    void anAdministratorSeesAPendingEventAndRetriesIt() {
        // Recorded seconds ago: too young for the periodic retry, so only the administrator's retry runs it.
        UUID id = pendingLike(Instant.now().minusSeconds(5));
        WebClient browser = signedIn(admin);

        WebClient.Response page = browser.get("/admin/events");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Pending events");
        assertThat(page.body()).contains("notification.postLiked").contains("PostEvents$PostLiked")
                .contains("/admin/events/" + id + "/retry");
        assertThat(browser.get("/admin/events?lang=fr").h1()).isEqualTo("Événements en attente");
        assertThat(likeNotifications()).isZero();

        WebClient.Response retried = browser.post("/admin/events/" + id + "/retry");

        assertThat(retried.status()).isEqualTo(302);
        assertThat(retried.location()).isEqualTo("/admin/events");
        await().atMost(Duration.ofSeconds(10)).until(() -> !pending(id));
        assertThat(likeNotifications()).isEqualTo(1);
    }

    @Test
    void theApiListsPendingEventsAndRetriesOne() {
        UUID id = pendingLike(Instant.now().minusSeconds(5));
        String bearer = "Bearer " + tokens.createFor(admin.id(), "ops");
        WebClient api = new WebClient(port);

        WebClient.Response list = api.get("/api/v1/admin/events", "Authorization", bearer);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("count").asLong()).isPositive();
        assertThat(list.body()).contains("\"id\":\"" + id + "\"").contains("\"listener\":\"notification.postLiked\"");
        assertThat(api.postJson("/api/v1/admin/events/" + id + "/retry", "", "Authorization", bearer).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !pending(id));
        assertThat(likeNotifications()).isEqualTo(1);
        assertThat(api.postJson("/api/v1/admin/events/" + id + "/retry", "", "Authorization", bearer).status())
                .as("done: no longer pending").isEqualTo(404);
        assertThat(api.postJson("/api/v1/admin/events/not-an-id/retry", "", "Authorization", bearer).status()).isEqualTo(400);
    }

    @Test
    void anEventHandledTwiceNotifiesOnce() {
        // Two nodes, or a node that died after its listener's commit and before completing, run the same event again.
        UUID first = pendingLike(Instant.now().minusSeconds(5));
        UUID second = pendingLike(Instant.now().minusSeconds(5));
        String bearer = "Bearer " + tokens.createFor(admin.id(), "ops");
        WebClient api = new WebClient(port);

        api.postJson("/api/v1/admin/events/" + first + "/retry", "", "Authorization", bearer);
        await().atMost(Duration.ofSeconds(10)).until(() -> !pending(first));
        api.postJson("/api/v1/admin/events/" + second + "/retry", "", "Authorization", bearer);
        await().atMost(Duration.ofSeconds(10)).until(() -> !pending(second));

        assertThat(likeNotifications()).isEqualTo(1);
    }

    @Test
    void membersAndVisitorsAreRefused() {
        UUID id = pendingLike(Instant.now().minusSeconds(5));
        WebClient member = signedIn(ana);
        String memberBearer = "Bearer " + tokens.createFor(ana.id(), "mine");

        WebClient.Response page = member.get("/admin/events");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("notification.postLiked");
        assertThat(member.post("/admin/events/" + id + "/retry").status()).isEqualTo(403);
        assertThat(member.post("/admin/events/retry").status()).isEqualTo(403);
        WebClient api = new WebClient(port);
        assertThat(api.get("/api/v1/admin/events", "Authorization", memberBearer).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/admin/events/" + id + "/retry", "", "Authorization", memberBearer).status())
                .isEqualTo(403);
        assertThat(new WebClient(port).get("/admin/events").location()).isEqualTo("/login");
        assertThat(new WebClient(port).get("/api/v1/admin/events").status()).isEqualTo(401);
        assertThat(pending(id)).as("nobody retried it").isTrue();
        assertThat(likeNotifications()).isZero();
        db.sql("delete from event_publication where id = ?").param(id).update();
    }
}
