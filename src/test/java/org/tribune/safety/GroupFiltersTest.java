package org.tribune.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.tribune.moderation.LogEntry;
import org.tribune.moderation.ModerationAction;
import org.tribune.moderation.ModerationService;
import org.tribune.moderation.QueueItem;
import org.tribune.moderation.TargetKind;
import org.tribune.notification.NotificationEntry;
import org.tribune.notification.NotificationKind;
import org.tribune.notification.Notifications;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * Group moderators' filters: what they hold waits hidden in the group's queue, what they refuse is never saved and
 * the author is told why; both go to the public moderation log with the filter as actor, without the phrase and
 * without a private group's entries for outsiders. Only the group's moderators see and manage the filters.
 */
@IntegrationTest
class GroupFiltersTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupFilters filters;
    @Autowired
    PostService posts;
    @Autowired
    ModerationService moderation;
    @Autowired
    org.tribune.account.AccountService accounts;
    @Autowired
    Notifications notifications;

    Group group(Account owner, String visibility) {
        String slug = ("gf-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        return groups.create(owner, new GroupForm(slug, "Filters " + slug, "", "en", visibility, "OPEN", List.of(), false));
    }

    String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "group-filters");
    }

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    static PostService.Draft text(String title, String body) {
        return new PostService.Draft(title, body, null);
    }

    List<LogEntry> log(Long viewerId) {
        return moderation.log(viewerId, Long.MAX_VALUE, 200);
    }

    static List<LogEntry> about(List<LogEntry> log, long groupId) {
        return log.stream().filter(e -> e.action().groupId() != null && e.action().groupId() == groupId).toList();
    }

    @Test
    void aHoldingFilterHidesThePostUntilAModeratorReleasesItAndTheLogSaysSo() {
        Account owner = members.active("own");
        Account author = members.active("aut");
        Account reader = members.active("rea");
        Group group = group(owner, "PUBLIC");
        groupJoining.join(author, group.slug(), List.of());
        groupJoining.join(reader, group.slug(), List.of());
        filters.add(owner, group.slug(), "Casino", "HOLD");

        Post clean = posts.publish(author, group.id(), text("Garden news", "The roses are out"));
        assertThat(posts.isHidden(clean.id())).isFalse();
        // Whole words, accents and case folded: "casinos" is another word, "CASÌNO" the same one.
        Post plural = posts.publish(author, group.id(), text("", "Two casinos closed"));
        assertThat(posts.isHidden(plural.id())).isFalse();
        Post held = posts.publish(author, group.id(), text("Best CASÌNO deals", "Come and play"));

        assertThat(posts.isHidden(held.id())).isTrue();
        assertThat(posts.read(held.id(), author.id()).id()).isEqualTo(held.id()); // the author still sees it
        assertThatThrownBy(() -> posts.read(held.id(), reader.id())).isInstanceOf(NotFound.class);
        QueueItem queued = moderation.queue(owner).stream().filter(i -> i.post().id() == held.id()).findFirst().orElseThrow();
        assertThat(queued.kind()).isEqualTo(TargetKind.POST);
        assertThat(queued.hidden()).isTrue();
        assertThat(queued.reasons()).containsOnlyKeys(org.tribune.moderation.FlagReason.FILTERED);

        LogEntry entry = about(log(null), group.id()).getFirst();
        assertThat(entry.action().action()).isEqualTo(ModerationAction.Action.HOLD);
        assertThat(entry.action().role()).isEqualTo("automatic-filter");
        assertThat(entry.moderatorHandle()).isNull();
        assertThat(entry.action().reason()).isEmpty(); // the group's filters are not published
        // The author is told why.
        assertThat(moderation.about(author)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo(ModerationAction.Action.HOLD);
            assertThat(a.reason()).isEqualTo("Casino");
            assertThat(a.postId()).isEqualTo(held.id());
        });
        assertThat(new WebClient(port).get("/moderation/log").body()).contains("Post held for review").contains("Automatic filter")
                .doesNotContain("Casino");

        // A comment is held the same way; the moderator releases the post.
        Comment heldComment = posts.comment(author, clean.id(), "casino night tonight", null);
        assertThat(posts.hiddenComments(clean.id())).contains(heldComment.id());
        moderation.decide(owner, TargetKind.POST, held.id(), false, "none", "");
        assertThat(posts.read(held.id(), reader.id()).id()).isEqualTo(held.id());
        assertThat(moderation.queue(owner)).noneMatch(i -> i.post().id() == held.id());
    }

    /** What this person was told about this post (and comment, or the post itself when null), in either box. */
    List<NotificationEntry> told(Account person, NotificationKind kind, long postId, Long commentId) {
        List<NotificationEntry> entries = new java.util.ArrayList<>(notifications.page(person.id(), null, false).entries());
        entries.addAll(notifications.page(person.id(), null, true).entries());
        return entries.stream().filter(e -> e.kind() == kind && java.util.Objects.equals(e.postId(), postId)
                && java.util.Objects.equals(e.commentId(), commentId)).toList();
    }

    @Test
    void heldNewContentTellsNobodyUntilAModeratorReleasesItAndNeverOnceRemoved() {
        Account owner = members.active("own");
        Account author = members.active("aut");
        Account mentioned = members.active("men");
        Group group = group(owner, "PUBLIC");
        groupJoining.join(author, group.slug(), List.of());
        groupJoining.join(mentioned, group.slug(), List.of());
        filters.add(owner, group.slug(), "Casino", "HOLD");
        Post ownersPost = posts.publish(owner, group.id(), text("Garden news", "The roses are out"));
        Comment clean = posts.comment(mentioned, ownersPost.id(), "Lovely roses", null);

        Post held = posts.publish(author, group.id(), text("Casino night", "Come along @" + mentioned.handle()));
        Post removed = posts.publish(author, group.id(), text("Casino again", "Still coming @" + mentioned.handle() + "?"));
        Comment heldReply = posts.comment(author, ownersPost.id(), "casino after, @" + mentioned.handle() + "?", clean.id());
        assertThat(posts.isHidden(held.id())).isTrue();
        assertThat(posts.hiddenComments(ownersPost.id())).contains(heldReply.id());
        // While they wait, nobody hears of them: not the mentioned, not the post's author, not the parent's author.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() ->
                told(mentioned, NotificationKind.MENTION, held.id(), null).isEmpty()
                        && told(mentioned, NotificationKind.MENTION, ownersPost.id(), heldReply.id()).isEmpty()
                        && told(mentioned, NotificationKind.REPLY_TO_COMMENT, ownersPost.id(), heldReply.id()).isEmpty()
                        && told(owner, NotificationKind.COMMENT_ON_POST, ownersPost.id(), heldReply.id()).isEmpty());

        // Released: told now, once each.
        moderation.decide(owner, TargetKind.POST, held.id(), false, "none", "");
        moderation.decide(owner, TargetKind.COMMENT, heldReply.id(), false, "none", "");
        await().atMost(Duration.ofSeconds(10)).until(() -> told(mentioned, NotificationKind.MENTION, held.id(), null).size() == 1
                && told(mentioned, NotificationKind.REPLY_TO_COMMENT, ownersPost.id(), heldReply.id()).size() == 1
                && told(owner, NotificationKind.COMMENT_ON_POST, ownersPost.id(), heldReply.id()).size() == 1);
        assertThat(told(mentioned, NotificationKind.MENTION, ownersPost.id(), heldReply.id()))
                .as("the reply's author is told once, of the reply").isEmpty();

        // Removed: never told, not even when it is shown again later (as an appeal's reversal does).
        moderation.decide(owner, TargetKind.POST, removed.id(), true, "spam", "");
        assertThat(posts.restore(removed.id())).isTrue();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() ->
                told(mentioned, NotificationKind.MENTION, removed.id(), null).isEmpty());
    }

    @Test
    void aRefusingFilterRefusesPostsCommentsAndEditsWithTheReasonAndTheLogKeepsItAnyway() {
        Account owner = members.active("own");
        Account author = members.active("aut");
        Group group = group(owner, "PUBLIC");
        groupJoining.join(author, group.slug(), List.of());
        filters.add(owner, group.slug(), "crypto scam", "REFUSE");
        filters.add(owner, group.slug(), "crypto", "HOLD");
        int before = about(log(null), group.id()).size();

        // Refusal wins over a hold; a phrase matches across spacing and case; the warning is matched too.
        assertThatThrownBy(() -> posts.publish(author, group.id(), text("", "Another  Crypto\nScam here")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo("post.refused-by-group-filter");
                    assertThat(p.args()).containsExactly("crypto scam");
                }));
        assertThatThrownBy(() -> posts.publish(author, group.id(), new PostService.Draft("", "Fine text", null, "crypto scam inside")))
                .isInstanceOf(InvalidInput.class);
        // Outside the group nothing is filtered.
        assertThat(posts.publish(author, null, text("", "crypto scam on my profile"))).isNotNull();

        Post post = posts.publish(author, group.id(), text("Hello", "A fine post"));
        assertThatThrownBy(() -> posts.comment(author, post.id(), "what a crypto scam", null)).isInstanceOf(InvalidInput.class);
        assertThat(posts.comments(post.id(), author.id(), 0, 50)).isEmpty();
        Comment comment = posts.comment(author, post.id(), "Nice", null);
        assertThatThrownBy(() -> posts.editComment(author, comment.id(), "crypto scam after all")).isInstanceOf(InvalidInput.class);
        assertThat(posts.comment(comment.id(), author.id()).body()).isEqualTo("Nice");
        // A wiki edit goes live through applyAcceptedRevision: refused the same way, nothing changes.
        assertThatThrownBy(() -> posts.applyAcceptedRevision(post.id(), author.id(),
                new PostService.Text("Hello", "now a crypto scam", null, null))).isInstanceOf(InvalidInput.class);
        assertThat(posts.read(post.id(), author.id()).body()).isEqualTo("A fine post");

        List<LogEntry> refusals = about(log(null), group.id()).stream()
                .filter(e -> e.action().action() == ModerationAction.Action.REFUSE).toList();
        assertThat(refusals).hasSize(5);
        assertThat(about(log(null), group.id())).hasSize(before + 5);
        assertThat(refusals).allSatisfy(e -> {
            assertThat(e.action().role()).isEqualTo("automatic-filter");
            assertThat(e.action().subjectId()).isEqualTo(author.id());
            assertThat(e.action().reason()).isEmpty();
        });
        assertThat(moderation.about(author)).filteredOn(a -> a.action() == ModerationAction.Action.REFUSE).hasSize(5)
                .allSatisfy(a -> assertThat(a.reason()).isEqualTo("crypto scam"));

        // A hold on an edit hides the post that was live.
        posts.applyAcceptedRevision(post.id(), author.id(), new PostService.Text("Hello", "about crypto", null, null));
        assertThat(posts.isHidden(post.id())).isTrue();
    }

    @Test
    void aPrivateGroupsAutomaticActionsStayOutOfTheLogForPeopleOutsideIt() {
        Account owner = members.active("own");
        Account outsider = members.active("out");
        Group group = group(owner, "PRIVATE");
        filters.add(owner, group.slug(), "secretword", "REFUSE");
        filters.add(owner, group.slug(), "heldword", "HOLD");
        assertThatThrownBy(() -> posts.publish(owner, group.id(), text("", "the secretword"))).isInstanceOf(InvalidInput.class);
        posts.publish(owner, group.id(), text("", "the heldword"));

        assertThat(about(log(owner.id()), group.id())).hasSize(2);
        assertThat(about(log(outsider.id()), group.id())).isEmpty();
        assertThat(about(log(null), group.id())).isEmpty();
        assertThat(new WebClient(port).get("/moderation/log").body()).doesNotContain(group.name());
    }

    @Test
    void onlyTheGroupsModeratorsSeeAndManageItsFiltersOverTheApi() {
        Account owner = members.active("own");
        Account member = members.active("mem");
        Account outsider = members.active("out");
        Group open = group(owner, "PUBLIC");
        Group closed = group(owner, "PRIVATE");
        Group hidden = group(owner, "HIDDEN");
        groupJoining.join(member, open.slug(), List.of());
        WebClient api = new WebClient(port);

        var made = api.postJson("/api/v1/groups/" + open.slug() + "/filters", Map.of("phrase", "Élection", "action", "REFUSE"),
                "Authorization", bearer(owner));
        assertThat(made.status()).isEqualTo(201);
        String id = made.json().get("id").asString();
        assertThat(made.json().get("action").asString()).isEqualTo("REFUSE");
        var listed = api.get("/api/v1/groups/" + open.slug() + "/filters", "Authorization", bearer(owner));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items").get(0).get("phrase").asString()).isEqualTo("Élection");
        assertThat(api.postJson("/api/v1/groups/" + open.slug() + "/filters", Map.of("phrase", " ", "action", "HOLD"),
                "Authorization", bearer(owner)).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/groups/" + open.slug() + "/filters", Map.of("phrase", "x", "action", "MAYBE"),
                "Authorization", bearer(owner)).status()).isEqualTo(400);

        // A member who does not moderate: 403; someone outside a public group: 403 too, as for the group's other doors.
        assertThat(api.get("/api/v1/groups/" + open.slug() + "/filters", "Authorization", bearer(member)).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/groups/" + open.slug() + "/filters", Map.of("phrase", "mine"),
                "Authorization", bearer(member)).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/groups/" + open.slug() + "/filters/" + id, "Authorization", bearer(member)).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/groups/" + open.slug() + "/filters", "Authorization", bearer(outsider)).status()).isEqualTo(403);
        // A private or hidden group is not found by those outside it.
        assertThat(api.get("/api/v1/groups/" + closed.slug() + "/filters", "Authorization", bearer(outsider)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/groups/" + hidden.slug() + "/filters", "Authorization", bearer(outsider)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/groups/" + open.slug() + "/filters").status()).isIn(401, 404);
        // Another group's filter does not exist here.
        assertThat(api.delete("/api/v1/groups/" + closed.slug() + "/filters/" + id, "Authorization", bearer(owner)).status())
                .isEqualTo(404);

        // The filter works with accents folded, then goes.
        groupJoining.join(outsider, open.slug(), List.of());
        assertThatThrownBy(() -> posts.publish(outsider, open.id(), text("", "Before the election"))).isInstanceOf(InvalidInput.class);
        assertThat(api.delete("/api/v1/groups/" + open.slug() + "/filters/" + id, "Authorization", bearer(owner)).status())
                .isEqualTo(204);
        assertThat(posts.publish(outsider, open.id(), text("", "Before the election"))).isNotNull();

        // Over the API a refusal is a problem detail naming the phrase, a held post comes back hidden.
        filters.add(owner, open.slug(), "lottery", "REFUSE");
        filters.add(owner, open.slug(), "raffle", "HOLD");
        var refused = api.postJson("/api/v1/groups/" + open.slug() + "/posts", Map.of("body", "Win the LOTTERY"),
                "Authorization", bearer(member));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("post.refused-by-group-filter").contains("lottery");
        var held = api.postJson("/api/v1/groups/" + open.slug() + "/posts", Map.of("body", "A raffle tonight"),
                "Authorization", bearer(member));
        assertThat(held.status()).isEqualTo(201);
        assertThat(held.json().get("hidden").asBoolean()).isTrue();
        String heldId = held.json().get("id").asString();
        assertThat(api.get("/api/v1/posts/" + heldId, "Authorization", bearer(outsider)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/posts/" + heldId, "Authorization", bearer(member)).status()).isEqualTo(200);
    }

    @Test
    void theFiltersPageIsTheModeratorsAndARefusedPostComesBackFilledWithTheReason() {
        Account owner = members.active("own");
        Account member = members.active("mem");
        Group group = group(owner, "PUBLIC");
        groupJoining.join(member, group.slug(), List.of());
        WebClient owners = signedIn(owner);
        assertThat(owners.get("/groups/" + group.slug()).body()).contains("href=\"/groups/" + group.slug() + "/filters\"");
        assertThat(owners.post("/groups/" + group.slug() + "/filters", "phrase", "spam <b>bot</b>", "action", "REFUSE").location())
                .isEqualTo("/groups/" + group.slug() + "/filters");
        String page = owners.get("/groups/" + group.slug() + "/filters").body();
        assertThat(page).contains("<h1>Filters</h1>").contains("spam &lt;b&gt;bot&lt;/b&gt;").contains("Refuse");
        owners.post("/groups/" + group.slug() + "/filters", "phrase", "hold me", "action", "HOLD");
        assertThat(owners.post("/groups/" + group.slug() + "/filters", "phrase", "   ", "action", "HOLD").location())
                .isEqualTo("/groups/" + group.slug() + "/filters");

        WebClient members_ = signedIn(member);
        assertThat(members_.get("/groups/" + group.slug()).body()).doesNotContain("/filters\"");
        assertThat(members_.get("/groups/" + group.slug() + "/filters").status()).isEqualTo(403);
        assertThat(members_.post("/groups/" + group.slug() + "/filters", "phrase", "x", "action", "HOLD").status()).isEqualTo(403);

        // Refused: back on the group's page with the text and the reason.
        var refused = members_.post("/groups/" + group.slug() + "/posts", "title", "My title", "body", "buy from this spam <b>bot</b>");
        assertThat(refused.location()).isEqualTo("/groups/" + group.slug());
        String back = members_.get("/groups/" + group.slug()).body();
        assertThat(back).contains("My title").contains("buy from this spam &lt;b&gt;bot&lt;/b&gt;")
                .contains("This group does not accept “spam &lt;b&gt;bot&lt;/b&gt;”");
        // Held: published, the author is told, the post is marked hidden to them.
        var held = members_.post("/groups/" + group.slug() + "/posts", "body", "please hold me");
        assertThat(held.location()).startsWith("/p/");
        String heldPage = members_.get(held.location()).body();
        assertThat(heldPage).contains("held for the moderators’ review");
        assertThat(new WebClient(port).get(held.location()).status()).isEqualTo(404);

        // In French for a French speaker.
        accounts.updatePreferences(owner.id(), "fr", "UTC");
        assertThat(signedIn(owner).get("/groups/" + group.slug() + "/filters").body()).contains("<h1>Filtres</h1>")
                .contains("Retenir pour examen");
    }
}
