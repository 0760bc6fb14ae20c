package org.tribune.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.event.Event;
import org.tribune.event.EventDraft;
import org.tribune.event.EventService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * Who sees a group's content, through every door: one case per (door × role × visibility). Content of PUBLIC groups
 * is for everyone; of PRIVATE and HIDDEN groups for members only; HIDDEN groups do not exist for anyone else
 * (404, never 403); banned people are refused like non-members.
 *
 * <p>Two more roles, members both, per door: someone the post's author BLOCKED (the post is absent to them, as if it
 * did not exist: 404 where one asks for it, left out of lists), and someone who MUTED the author (the post leaves
 * their feeds, group page and the author's profile, but is still there when asked for by its address).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityMatrixTest {

    enum Visibility { PUBLIC, PRIVATE, HIDDEN }

    enum Role { VISITOR, OUTSIDER, BANNED, MEMBER, MODERATOR }

    /** Members whom the post's author blocked, or who muted the author. */
    enum SafetyRole { BLOCKED, MUTED }

    /** One group with a post, a comment and a like, and one person (and browser) per role. */
    record Fixture(Group group, Post post, Comment comment, Account author, Account liker, Map<Role, WebClient> web,
            Map<Role, String> tokens, long eventId, Map<SafetyRole, WebClient> safetyWeb, Map<SafetyRole, String> safetyTokens) {
    }

    /** What a door answers: the status, and whether the group's content showed. */
    record Seen(int status, boolean content) {
    }

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    PostService posts;
    @Autowired
    TokenService tokenService;
    @Autowired
    EventService events;
    @Autowired
    org.tribune.safety.SafetyService safety;

    final Map<Visibility, Fixture> fixtures = new EnumMap<>(Visibility.class);

    @BeforeAll
    void makeOneGroupOfEachKind() {
        for (Visibility visibility : Visibility.values()) {
            Account owner = members.active("own");
            Account member = members.active("mem");
            Account banned = members.active("ban");
            Account outsider = members.active("out");
            Account blocked = members.active("blk");
            Account muter = members.active("mut");
            Group group = groups.create(owner, new GroupForm(("m-" + Members.uniqueHandle("v").substring(2)).toLowerCase().replace('_', '-'),
                    "Matrix " + visibility, "", "en", visibility.name(), "INVITE", List.of(), false));
            for (Account a : List.of(member, banned, blocked, muter)) {
                groupMembers.invite(owner, group.slug(), a.handle());
                groupJoining.join(a, group.slug(), List.of());
            }
            String marker = "SECRET" + Members.uniqueHandle("t").substring(2);
            Post post = posts.publish(member, group.id(), new PostService.Draft("Title " + marker, "Body " + marker, null));
            Comment comment = posts.comment(owner, post.id(), "Comment " + marker, null);
            posts.like(member, post.id());
            java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            Event event = events.create(owner, group.slug(), new EventDraft("Event " + marker.replace("SECRET", "MEETUP"), "", start,
                    start.plusSeconds(3600), "Europe/Paris", "Town hall", null, null, false));
            groupMembers.ban(owner, group.slug(), banned.handle(), "");
            safety.block(member, blocked.handle());
            safety.mute(muter, member.handle(), null);

            Map<Role, WebClient> web = new EnumMap<>(Role.class);
            Map<Role, String> tokens = new EnumMap<>(Role.class);
            web.put(Role.VISITOR, new WebClient(port));
            Map<Role, Account> people = Map.of(Role.OUTSIDER, outsider, Role.BANNED, banned, Role.MEMBER, member, Role.MODERATOR, owner);
            people.forEach((role, account) -> {
                WebClient browser = new WebClient(port);
                browser.login(account.email(), Members.PASSWORD);
                web.put(role, browser);
                tokens.put(role, "Bearer " + tokenService.createFor(account.id(), "matrix"));
            });
            Map<SafetyRole, WebClient> safetyWeb = new EnumMap<>(SafetyRole.class);
            Map<SafetyRole, String> safetyTokens = new EnumMap<>(SafetyRole.class);
            Map.of(SafetyRole.BLOCKED, blocked, SafetyRole.MUTED, muter).forEach((role, account) -> {
                WebClient browser = new WebClient(port);
                browser.login(account.email(), Members.PASSWORD);
                safetyWeb.put(role, browser);
                safetyTokens.put(role, "Bearer " + tokenService.createFor(account.id(), "matrix"));
            });
            fixtures.put(visibility, new Fixture(group, post, comment, member, member, web, tokens, event.id(), safetyWeb, safetyTokens));
        }
    }

    /** The doors through which group content could leak. */
    enum Door {
        GROUP_PAGE((f, c) -> page(c.get("/groups/" + f.group().slug()), f)),
        MEMBERS_PAGE((f, c) -> {
            WebClient.Response r = c.get("/groups/" + f.group().slug() + "/members");
            return new Seen(r.status(), r.body().contains("@" + f.author().handle()));
        }),
        PERMALINK((f, c) -> page(c.get("/p/" + f.post().id()), f)),
        LIKES_PAGE((f, c) -> {
            WebClient.Response r = c.get("/p/" + f.post().id() + "/likes");
            return new Seen(r.status(), r.status() == 200 && r.body().contains("@" + f.liker().handle()));
        }),
        PROFILE_PAGE((f, c) -> new Seen(200, c.get("/@" + f.author().handle()).body().contains(marker(f)))),
        HOME_FEED((f, c) -> new Seen(200, c.get("/").body().contains(marker(f)))),
        DIRECTORY((f, c) -> new Seen(200, c.get("/groups?query=" + f.group().name().replace(" ", "%20")).body().contains(f.group().slug()))),
        EVENT_PAGE((f, c) -> event(c.get("/events/" + f.eventId()), f)),
        EVENT_CALENDAR((f, c) -> event(c.get("/events/" + f.eventId() + ".ics"), f)),
        GROUP_EVENTS((f, c) -> event(c.get("/groups/" + f.group().slug() + "/events"), f)),
        MY_EVENTS((f, c) -> new Seen(200, c.get("/events").body().contains(eventMarker(f)))),
        // the page repeats the query (the marker): a hit is a link to the post or to its comment
        SEARCH((f, c) -> {
            WebClient.Response r = c.get("/search?q=" + marker(f));
            return new Seen(r.status(), r.body().contains("href=\"/p/" + f.post().id()));
        }),
        SEARCH_GROUPS((f, c) -> {
            WebClient.Response r = c.get("/search?type=groups&q=" + f.group().name().replace(" ", "%20"));
            return new Seen(r.status(), r.body().contains("/groups/" + f.group().slug() + "\""));
        });

        final BiFunction<Fixture, WebClient, Seen> look;

        Door(BiFunction<Fixture, WebClient, Seen> look) {
            this.look = look;
        }
    }

    /** The same doors over the API, with a bearer token per role (none for visitors). */
    enum ApiDoor {
        GROUP("/api/v1/groups/%s"),
        GROUP_POSTS("/api/v1/groups/%s/posts"),
        MEMBERS("/api/v1/groups/%s/members"),
        POST("/api/v1/posts/%d"),
        COMMENTS("/api/v1/posts/%d/comments"),
        LIKES("/api/v1/posts/%d/likes"),
        AUTHOR_POSTS("/api/v1/users/%s/posts"),
        EVENT("/api/v1/events/%d"),
        GROUP_EVENTS("/api/v1/groups/%s/events"),
        SEARCH("/api/v1/search?q=%s"),
        SEARCH_GROUPS("/api/v1/search?type=groups&q=%s");

        final String path;

        ApiDoor(String path) {
            this.path = path;
        }

        String pathFor(Fixture f) {
            return switch (this) {
                case GROUP, GROUP_POSTS, MEMBERS, GROUP_EVENTS -> path.formatted(f.group().slug());
                case EVENT -> path.formatted(f.eventId());
                case POST, COMMENTS, LIKES -> path.formatted(f.post().id());
                case AUTHOR_POSTS -> path.formatted(f.author().handle());
                case SEARCH -> path.formatted(marker(f));
                case SEARCH_GROUPS -> path.formatted(f.group().name().replace(" ", "%20"));
            };
        }
    }

    static String marker(Fixture f) {
        return f.post().title().substring("Title ".length());
    }

    /** The event's title carries a marker of its own, so pages that list events beside posts tell them apart. */
    static String eventMarker(Fixture f) {
        return marker(f).replace("SECRET", "MEETUP");
    }

    static Seen event(WebClient.Response r, Fixture f) {
        return new Seen(r.status(), r.body().contains(eventMarker(f)));
    }

    static Seen page(WebClient.Response r, Fixture f) {
        return new Seen(r.status(), r.body().contains(marker(f)) || r.body().contains("Comment " + marker(f)));
    }

    static boolean member(Role role) {
        return role == Role.MEMBER || role == Role.MODERATOR;
    }

    static Stream<Arguments> pages() {
        List<Arguments> cases = new ArrayList<>();
        for (Door door : Door.values()) {
            for (Role role : Role.values()) {
                for (Visibility visibility : Visibility.values()) {
                    cases.add(Arguments.of(door, role, visibility));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> api() {
        List<Arguments> cases = new ArrayList<>();
        for (ApiDoor door : ApiDoor.values()) {
            for (Role role : Role.values()) {
                for (Visibility visibility : Visibility.values()) {
                    cases.add(Arguments.of(door, role, visibility));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} in a {2} group")
    @MethodSource("pages")
    void pagesShowGroupContentOnlyToThoseWhoMaySeeIt(Door door, Role role, Visibility visibility) {
        Fixture f = fixtures.get(visibility);
        Seen seen = door.look.apply(f, f.web().get(role));
        boolean allowed = visibility == Visibility.PUBLIC || member(role);

        if (door == Door.DIRECTORY) {
            assertThat(seen.content()).as("listed").isEqualTo(visibility != Visibility.HIDDEN || member(role));
            return;
        }
        if (door == Door.SEARCH || door == Door.SEARCH_GROUPS) {
            // Search is for signed-in people; it finds posts and comments of groups one may read, and groups one may
            // see (hidden ones: members only), and answers the same page whatever it found.
            boolean findable = role != Role.VISITOR
                    && (door == Door.SEARCH ? allowed : visibility != Visibility.HIDDEN || member(role));
            assertThat(seen.content()).as("found by search").isEqualTo(findable);
            assertThat(seen.status()).isEqualTo(role == Role.VISITOR ? 302 : 200);
            return;
        }
        if (door == Door.HOME_FEED && visibility == Visibility.PUBLIC && role == Role.OUTSIDER) {
            // A quiet home feed may suggest recent posts of public groups one is not in, marked as suggestions
            // (QuietFeedTest); whether this one is among the newest depends on what else the run published.
            return;
        }
        if (door == Door.HOME_FEED || door == Door.MY_EVENTS) {
            assertThat(seen.content()).as("in home feed").isEqualTo(member(role));
            return;
        }
        assertThat(seen.content()).as("content visible").isEqualTo(allowed);
        assertThat(seen.status()).as("never a server error").isLessThan(500);
        if (!allowed && visibility == Visibility.HIDDEN && door != Door.PROFILE_PAGE) {
            assertThat(seen.status()).as("hidden groups answer 404").isEqualTo(404);
        }
        if (!allowed && (door == Door.PERMALINK || door == Door.LIKES_PAGE || door == Door.EVENT_PAGE
                || door == Door.EVENT_CALENDAR)) {
            assertThat(seen.status()).as("a post one may not read does not exist").isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0} as {1} in a {2} group")
    @MethodSource("api")
    void theApiShowsGroupContentOnlyToThoseWhoMaySeeIt(ApiDoor door, Role role, Visibility visibility) {
        Fixture f = fixtures.get(visibility);
        String token = f.tokens().get(role);
        WebClient api = new WebClient(port);
        WebClient.Response r = token == null ? api.get(door.pathFor(f)) : api.get(door.pathFor(f), "Authorization", token);
        boolean allowed = visibility == Visibility.PUBLIC || member(role);

        assertThat(r.status()).as("never a server error").isLessThan(500);
        boolean content = r.status() == 200 && (r.body().contains(marker(f)) || r.body().contains(eventMarker(f))
                || r.body().contains(f.author().handle()));
        if (door == ApiDoor.SEARCH || door == ApiDoor.SEARCH_GROUPS) {
            boolean found = door == ApiDoor.SEARCH ? content : r.status() == 200 && r.body().contains(f.group().slug());
            boolean findable = token != null
                    && (door == ApiDoor.SEARCH ? allowed : visibility != Visibility.HIDDEN || member(role));
            assertThat(found).as("found by search").isEqualTo(findable);
            assertThat(r.status()).isEqualTo(token == null ? 401 : 200);
            return;
        }
        if (door == ApiDoor.GROUP) {
            // The group itself: hidden groups do not exist for outsiders; private ones exist but say "you may not read".
            if (visibility == Visibility.HIDDEN && !member(role)) {
                assertThat(r.status()).isEqualTo(404);
            } else {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().get("canRead").asBoolean()).isEqualTo(allowed);
            }
            return;
        }
        assertThat(content).as("content visible").isEqualTo(allowed);
        if (door == ApiDoor.AUTHOR_POSTS) {
            return; // a person's posts are a list: what one may not read is left out, the list itself is public
        }
        if (!allowed) {
            assertThat(r.status()).isIn(403, 404);
            if (visibility == Visibility.HIDDEN) {
                assertThat(r.status()).as("hidden groups answer 404").isEqualTo(404);
            }
            if (door == ApiDoor.POST || door == ApiDoor.COMMENTS || door == ApiDoor.LIKES || door == ApiDoor.EVENT) {
                assertThat(r.status()).isEqualTo(404);
            }
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    static Stream<Arguments> safetyPages() {
        List<Arguments> cases = new ArrayList<>();
        for (Door door : Door.values()) {
            for (SafetyRole role : SafetyRole.values()) {
                for (Visibility visibility : Visibility.values()) {
                    cases.add(Arguments.of(door, role, visibility));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> safetyApi() {
        List<Arguments> cases = new ArrayList<>();
        for (ApiDoor door : ApiDoor.values()) {
            for (SafetyRole role : SafetyRole.values()) {
                for (Visibility visibility : Visibility.values()) {
                    cases.add(Arguments.of(door, role, visibility));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} in a {2} group")
    @MethodSource("safetyPages")
    void pagesHideTheAuthorsPostFromWhomTheyBlockedAndFromFeedsOfWhoMutedThem(Door door, SafetyRole role, Visibility visibility) {
        Fixture f = fixtures.get(visibility);
        Seen seen = door.look.apply(f, f.safetyWeb().get(role));
        boolean blocked = role == SafetyRole.BLOCKED;

        assertThat(seen.status()).as("never a server error").isLessThan(500);
        boolean expected = switch (door) {
            // The group itself, its member list and the directory are the group's, not the author's: unchanged.
            case DIRECTORY, MEMBERS_PAGE -> true;
            // Feeds and the profile leave the author's post out for both.
            case GROUP_PAGE, HOME_FEED, PROFILE_PAGE -> false;
            // Asked for by its address, the post is absent to the blocked and there for whoever muted its author.
            case PERMALINK, LIKES_PAGE -> !blocked;
            // The event is the group owner's, whom neither blocked nor muted: it stays where it is.
            case EVENT_PAGE, EVENT_CALENDAR, GROUP_EVENTS, MY_EVENTS, SEARCH_GROUPS -> true;
            // Search leaves out what the blocked may not see and what the muter chose not to.
            case SEARCH -> false;
        };
        boolean shown = door != Door.SEARCH ? seen.content()
                // the post itself; the group owner's comment on it is not the author's, so it may be found
                : f.safetyWeb().get(role).get("/search?q=" + marker(f)).body().contains("href=\"/p/" + f.post().id() + "\"");
        assertThat(shown).as("content visible").isEqualTo(expected);
        if (blocked && (door == Door.PERMALINK || door == Door.LIKES_PAGE)) {
            assertThat(seen.status()).as("absent, like a post that does not exist").isEqualTo(404);
        }
        if (door == Door.GROUP_PAGE) {
            assertThat(seen.status()).isEqualTo(200);
        }
        if (door == Door.PROFILE_PAGE) {
            WebClient.Response profile = f.safetyWeb().get(role).get("/@" + f.author().handle());
            assertThat(profile.status()).as("the blocker's profile is absent to the blocked").isEqualTo(blocked ? 404 : 200);
        }
    }

    @ParameterizedTest(name = "{0} as {1} in a {2} group")
    @MethodSource("safetyApi")
    void theApiHidesTheAuthorsPostFromWhomTheyBlockedAndFromListsOfWhoMutedThem(ApiDoor door, SafetyRole role, Visibility visibility) {
        Fixture f = fixtures.get(visibility);
        WebClient.Response r = new WebClient(port).get(door.pathFor(f), "Authorization", f.safetyTokens().get(role));
        boolean blocked = role == SafetyRole.BLOCKED;

        assertThat(r.status()).as("never a server error").isLessThan(500);
        boolean content = r.status() == 200 && (r.body().contains(marker(f)) || r.body().contains(f.author().handle()));
        switch (door) {
            case GROUP -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().get("canRead").asBoolean()).isTrue();
            }
            case MEMBERS -> assertThat(content).as("member list unchanged").isTrue();
            case GROUP_POSTS -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(content).as("left out of the group's list").isFalse();
            }
            case AUTHOR_POSTS -> {
                assertThat(r.status()).as("the blocker's posts do not exist for the blocked").isEqualTo(blocked ? 404 : 200);
                assertThat(content).as("left out of the author's list").isFalse();
            }
            case EVENT, GROUP_EVENTS -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).as("the owner's event is unchanged").contains(eventMarker(f));
            }
            case SEARCH -> {
                // the post is left out; the group owner's comment on it is not the author's, so it may be found
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().get("items").valueStream().map(i -> i.get("url").asString()))
                        .as("left out of search").doesNotContain("/p/" + f.post().id());
            }
            case SEARCH_GROUPS -> assertThat(r.status()).isEqualTo(200);
            case POST, COMMENTS, LIKES -> {
                assertThat(content).as("content visible").isEqualTo(!blocked);
                if (blocked) {
                    assertThat(r.status()).as("absent, like a post that does not exist").isEqualTo(404);
                    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                }
            }
        }
    }
}
