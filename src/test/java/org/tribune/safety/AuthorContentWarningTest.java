package org.tribune.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
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
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * The author adds, changes and removes the content warning of their own post or comment after publishing, on the
 * page and over the API; nobody else may (moderators keep their own door, logged), and a group's filters read it.
 */
@IntegrationTest
class AuthorContentWarningTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    @Autowired
    PostService posts;
    @Autowired
    org.tribune.post.PostWarnings warnings;
    @Autowired
    SafetyService safety;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupFilters filters;

    String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "warnings");
    }

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    @Test
    void theAuthorAddsChangesAndRemovesTheirPostsWarningAndNobodyElseMay() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, new PostService.Draft("The finale", "Everybody dies", null));

        assertThat(warnings.changeWarning(ana, post.id(), "  spoilers  ").contentWarning()).isEqualTo("spoilers");
        assertThat(warnings.changeWarning(ana, post.id(), "spoilers for the finale").contentWarning()).isEqualTo("spoilers for the finale");
        assertThatThrownBy(() -> warnings.changeWarning(bob, post.id(), "mine")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> warnings.changeWarning(ana, post.id(), "x".repeat(201))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> warnings.changeWarning(ana, post.id(), "two\nlines")).isInstanceOf(InvalidInput.class);
        assertThat(posts.read(post.id(), bob.id()).contentWarning()).isEqualTo("spoilers for the finale");
        assertThat(warnings.changeWarning(ana, post.id(), " ").contentWarning()).isNull();
        // Across a block the post is absent, so the door answers as for a missing post.
        safety.block(ana, bob.handle());
        assertThatThrownBy(() -> warnings.changeWarning(bob, post.id(), "x")).isInstanceOf(NotFound.class);
    }

    @Test
    void theApiTakesContentWarningOnThePatchOfAPostAndOfAComment() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, new PostService.Draft("Title", "Body", null));
        Comment comment = posts.comment(ana, post.id(), "A comment", null);
        WebClient api = new WebClient(port);

        var set = api.sendJson("PATCH", "/api/v1/posts/" + post.id(), Map.of("contentWarning", "gore"), "Authorization", bearer(ana));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("contentWarning").asString()).isEqualTo("gore");
        assertThat(set.json().get("body").asString()).isEqualTo("Body");
        assertThat(api.sendJson("PATCH", "/api/v1/posts/" + post.id(), Map.of("contentWarning", "bob's"), "Authorization", bearer(bob))
                .status()).isEqualTo(403);
        assertThat(api.sendJson("PATCH", "/api/v1/posts/" + post.id(), Map.of("contentWarning", "y".repeat(201)),
                "Authorization", bearer(ana)).status()).isEqualTo(400);
        var removed = api.sendJson("PATCH", "/api/v1/posts/" + post.id(), Map.of("contentWarning", ""), "Authorization", bearer(ana));
        assertThat(removed.json().get("contentWarning").isNull()).isTrue();
        assertThat(api.get("/api/v1/posts/" + post.id()).json().get("contentWarning").isNull()).isTrue();

        // A comment: a warning alone keeps the body; null keeps the warning; empty removes it.
        var warned = api.sendJson("PATCH", "/api/v1/comments/" + comment.id(), Map.of("contentWarning", "spoilers"),
                "Authorization", bearer(ana));
        assertThat(warned.status()).isEqualTo(200);
        assertThat(warned.json().get("contentWarning").asString()).isEqualTo("spoilers");
        assertThat(warned.json().get("body").asString()).isEqualTo("A comment");
        Map<String, Object> bodyOnly = new HashMap<>();
        bodyOnly.put("body", "A better comment");
        var edited = api.sendJson("PATCH", "/api/v1/comments/" + comment.id(), bodyOnly, "Authorization", bearer(ana));
        assertThat(edited.json().get("contentWarning").asString()).isEqualTo("spoilers");
        assertThat(edited.json().get("body").asString()).isEqualTo("A better comment");
        assertThat(api.sendJson("PATCH", "/api/v1/comments/" + comment.id(), Map.of("contentWarning", "bob's"),
                "Authorization", bearer(bob)).status()).isEqualTo(403);
        var cleared = api.sendJson("PATCH", "/api/v1/comments/" + comment.id(), Map.of("contentWarning", ""), "Authorization", bearer(ana));
        assertThat(cleared.json().get("contentWarning").isNull()).isTrue();
        assertThat(posts.comment(comment.id(), ana.id()).body()).isEqualTo("A better comment");
    }

    @Test
    void thePagesLetTheAuthorChangeTheWarningOfAPostAndOfAComment() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, new PostService.Draft("Title", "Body", null));
        Comment comment = posts.comment(ana, post.id(), "A comment", null);
        WebClient anas = signedIn(ana);
        assertThat(anas.get("/p/" + post.id()).body()).contains("action=\"/p/" + post.id() + "/content-warning\"")
                .contains("Add a content warning");
        assertThat(anas.post("/p/" + post.id() + "/content-warning", "contentWarning", "snakes").location()).isEqualTo("/p/" + post.id());
        String page = anas.get("/p/" + post.id()).body();
        assertThat(page).contains("Content warning saved.").contains("Content warning: snakes").contains("Change the content warning");
        assertThat(anas.post("/p/" + post.id() + "/content-warning", "contentWarning", "z".repeat(201)).location())
                .isEqualTo("/p/" + post.id());
        assertThat(posts.read(post.id(), ana.id()).contentWarning()).isEqualTo("snakes");

        WebClient bobs = signedIn(bob);
        assertThat(bobs.get("/p/" + post.id()).body()).doesNotContain("/content-warning\"");
        assertThat(bobs.post("/p/" + post.id() + "/content-warning", "contentWarning", "mine").status()).isEqualTo(403);

        assertThat(anas.get("/comments/" + comment.id() + "/edit").body()).contains("name=\"contentWarning\"");
        anas.post("/comments/" + comment.id() + "/edit", "body", "A comment", "contentWarning", "spiders");
        assertThat(posts.comment(comment.id(), ana.id()).contentWarning()).isEqualTo("spiders");
        anas.post("/comments/" + comment.id() + "/edit", "body", "A comment", "contentWarning", "");
        assertThat(posts.comment(comment.id(), ana.id()).contentWarning()).isNull();
        anas.post("/p/" + post.id() + "/content-warning", "contentWarning", "");
        assertThat(posts.read(post.id(), ana.id()).contentWarning()).isNull();
    }

    @Test
    void aGroupsFiltersReadTheNewWarning() {
        Account owner = members.active("own");
        Account ana = members.active("ana");
        String slug = ("cw-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        Group group = groups.create(owner, new GroupForm(slug, "Warnings " + slug, "", "en", "PUBLIC", "OPEN", List.of(), false));
        groupJoining.join(ana, group.slug(), List.of());
        Post post = posts.publish(ana, group.id(), new PostService.Draft("", "Quiet", null));
        filters.add(owner, group.slug(), "forbidden", "REFUSE");
        filters.add(owner, group.slug(), "questionable", "HOLD");
        assertThatThrownBy(() -> warnings.changeWarning(ana, post.id(), "forbidden things")).isInstanceOf(InvalidInput.class);
        assertThat(posts.read(post.id(), ana.id()).contentWarning()).isNull();
        warnings.changeWarning(ana, post.id(), "questionable things");
        assertThat(posts.isHidden(post.id())).isTrue();
    }
}
