package org.tribune.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.notification.NotificationEntry;
import org.tribune.notification.NotificationKind;
import org.tribune.notification.Notifications;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;

import tools.jackson.databind.JsonNode;

/**
 * Word filters where lists are not feeds: the NOTIFICATIONS context on /notifications, its API and the unread count,
 * and the THREADS context in the API's comments. Moderation notices and one's own words are never filtered.
 */
@IntegrationTest
class FiltersInNotificationsAndThreadsTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    @Autowired
    PostService posts;
    @Autowired
    WordFilters filters;
    @Autowired
    Notifications notifications;

    String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "filters");
    }

    WordFilter filter(Account owner, String phrase, WordFilter.Context context, String action) {
        return filters.create(owner, new WordFilters.Request(phrase, List.of(context.name()), action, null));
    }

    static PostService.Draft text(String title, String body) {
        return new PostService.Draft(title, body, null);
    }

    List<NotificationEntry> entries(Account account) {
        return notifications.page(account.id(), null).entries();
    }

    NotificationEntry about(Account account, NotificationKind kind, Long commentId) {
        return entries(account).stream().filter(e -> e.kind() == kind && Objects.equals(e.commentId(), commentId))
                .findFirst().orElse(null);
    }

    JsonNode apiEntry(JsonNode listing, String commentId) {
        return listing.get("items").valueStream()
                .filter(i -> !i.get("commentId").isNull() && i.get("commentId").asString().equals(commentId))
                .findFirst().orElse(null);
    }

    @Test
    void notificationsTheirFiltersMatchAreLeftOutOrFoldedButNeverModerationNoticesNorOnesOwnWords() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        WordFilter hide = filter(ana, "spoiler", WordFilter.Context.NOTIFICATIONS, "HIDE");
        filter(ana, "Finale", WordFilter.Context.NOTIFICATIONS, "WARN");
        filter(ana, "weather", WordFilter.Context.HOME, "HIDE"); // another context: not applied to notifications

        Post anas = posts.publish(ana, null, text("My spoiler review", "Read at your own risk"));
        Comment spoiler = posts.comment(bob, anas.id(), "Big SPOILER: the butler did it", null);
        Comment finale = posts.comment(eve, anas.id(), "The finale was great", null);
        Comment weather = posts.comment(bob, anas.id(), "Lovely weather for reading", null);
        posts.like(bob, anas.id());
        // A moderation notice about a post whose words match a hiding filter is shown all the same.
        Post bobs = posts.publish(bob, null, text("", "spoiler spoiler spoiler"));
        notifications.record(ana.id(), NotificationKind.MODERATION_ACTION, null, null, bobs.id(), null);

        await().atMost(Duration.ofSeconds(5)).until(() -> about(ana, NotificationKind.COMMENT_ON_POST, weather.id()) != null
                && about(ana, NotificationKind.COMMENT_ON_POST, finale.id()) != null
                && about(ana, NotificationKind.LIKE_ON_POST, null) != null);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
                .until(() -> about(ana, NotificationKind.COMMENT_ON_POST, spoiler.id()) == null);

        assertThat(about(ana, NotificationKind.COMMENT_ON_POST, finale.id()).filtered())
                .isEqualTo(new FilterMatcher.Match("Finale", WordFilter.Action.WARN));
        assertThat(about(ana, NotificationKind.COMMENT_ON_POST, weather.id()).filtered()).isNull();
        // The like is about ana's own post, whose title matches her hiding filter: her own words are not filtered.
        assertThat(about(ana, NotificationKind.LIKE_ON_POST, null).filtered()).isNull();
        NotificationEntry moderation = about(ana, NotificationKind.MODERATION_ACTION, null);
        assertThat(moderation).isNotNull();
        assertThat(moderation.filtered()).isNull();
        int unread = notifications.unreadCount(ana.id());
        assertThat(unread).isEqualTo(entries(ana).stream().filter(e -> !e.read()).count());

        // Over the API: left out, or marked.
        JsonNode listing = new WebClient(port).get("/api/v1/notifications", "Authorization", bearer(ana)).json();
        assertThat(apiEntry(listing, Long.toString(spoiler.id()))).isNull();
        JsonNode warned = apiEntry(listing, Long.toString(finale.id()));
        assertThat(warned.get("filtered").get("phrase").asString()).isEqualTo("Finale");
        assertThat(warned.get("filtered").get("action").asString()).isEqualTo("WARN");
        assertThat(apiEntry(listing, Long.toString(weather.id())).get("filtered").isNull()).isTrue();
        assertThat(new WebClient(port).get("/api/v1/notifications/unread-count", "Authorization", bearer(ana)).json()
                .get("unread").asInt()).isEqualTo(unread);

        // On the page: folded behind the filter's name.
        WebClient browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);
        String page = browser.get("/notifications").body();
        assertThat(page).contains("<details class=\"filtered-entry\"><summary>Filtered: “Finale” — show</summary>");
        assertThat(page).contains("#c" + finale.id()).contains("#c" + weather.id()).doesNotContain("#c" + spoiler.id());

        // Someone else's filters change nothing for eve, who hears of bob's reply to her.
        Comment reply = posts.comment(bob, anas.id(), "No spoiler in the finale, promise", finale.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> about(eve, NotificationKind.REPLY_TO_COMMENT, reply.id()) != null);
        assertThat(about(eve, NotificationKind.REPLY_TO_COMMENT, reply.id()).filtered()).isNull();

        // Without the hiding filter, the comment was there all along, and it counts as unread again.
        filters.delete(ana, hide.id());
        assertThat(about(ana, NotificationKind.COMMENT_ON_POST, spoiler.id())).isNotNull();
        assertThat(notifications.unreadCount(ana.id())).isGreaterThan(unread);
    }

    @Test
    void theApisCommentsLeaveOutOrMarkWhatTheReadersThreadFiltersMatchButNotTheirOwn() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        filter(ana, "spoiler", WordFilter.Context.THREADS, "HIDE");
        filter(ana, "finale", WordFilter.Context.THREADS, "WARN");
        filter(ana, "weather", WordFilter.Context.NOTIFICATIONS, "HIDE"); // another context: not applied to threads

        Post post = posts.publish(bob, null, text("", "The last episode"));
        Comment spoiler = posts.comment(bob, post.id(), "Spoiler: they all die", null);
        Comment finale = posts.comment(eve, post.id(), "Best Finale ever", null);
        Comment own = posts.comment(ana, post.id(), "No spoiler from me", null);
        Comment weather = posts.comment(eve, post.id(), "Watched it in bad weather", null);
        // Matched by its content warning only.
        Comment warned = posts.comment(eve, post.id(), "Nothing to see", null, List.of(), "spoiler");

        String path = "/api/v1/posts/" + post.id() + "/comments";
        JsonNode read = new WebClient(port).get(path, "Authorization", bearer(ana)).json();
        List<String> ids = read.get("items").valueStream().map(c -> c.get("id").asString()).toList();
        assertThat(ids).containsExactly(Long.toString(finale.id()), Long.toString(own.id()), Long.toString(weather.id()));
        assertThat(read.get("items").get(0).get("filtered").get("phrase").asString()).isEqualTo("finale");
        assertThat(read.get("items").get(0).get("filtered").get("action").asString()).isEqualTo("WARN");
        assertThat(read.get("items").get(1).get("filtered").isNull()).isTrue();
        assertThat(read.get("items").get(2).get("filtered").isNull()).isTrue();
        assertThat(read.get("next").isNull()).isTrue();

        // Other readers, signed in or not, see every comment, none marked.
        for (String[] headers : List.of(new String[] {"Authorization", bearer(bob)}, new String[0])) {
            JsonNode all = new WebClient(port).get(path, headers).json();
            assertThat(all.get("items").valueStream().map(c -> c.get("id").asString()).toList()).containsExactly(
                    Long.toString(spoiler.id()), Long.toString(finale.id()), Long.toString(own.id()),
                    Long.toString(weather.id()), Long.toString(warned.id()));
            assertThat(all.get("items").valueStream().allMatch(c -> c.get("filtered").isNull())).isTrue();
        }
    }

    @Test
    void theApisNextCursorComesFromThePageAsReadSoNothingIsSkipped() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        filter(ana, "spoiler", WordFilter.Context.THREADS, "HIDE");
        Post post = posts.publish(bob, null, text("", "A long thread"));
        for (int i = 1; i <= 99; i++) {
            posts.comment(i % 2 == 0 ? bob : eve, post.id(), "Comment number " + i, null);
        }
        // The 100th comment, the last of the first page, is left out for ana; the 101st must still reach her.
        Comment hidden = posts.comment(bob, post.id(), "A spoiler to end the page", null);
        Comment after = posts.comment(eve, post.id(), "The one after", null);

        String path = "/api/v1/posts/" + post.id() + "/comments";
        JsonNode first = new WebClient(port).get(path, "Authorization", bearer(ana)).json();
        assertThat(first.get("items").size()).isEqualTo(99);
        assertThat(first.get("next").asString()).isEqualTo(Long.toString(hidden.id()));
        JsonNode second = new WebClient(port).get(path + "?after=" + first.get("next").asString(), "Authorization", bearer(ana)).json();
        assertThat(second.get("items").valueStream().map(c -> c.get("id").asString()).toList())
                .containsExactly(Long.toString(after.id()));
        assertThat(second.get("next").isNull()).isTrue();
    }
}
