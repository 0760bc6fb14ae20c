package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

/**
 * A post's content is rendered once per language and time zone and then written from memory
 * ({@code platform.web.Fragments}): what is the reader's own (their like, their language, their zone, the form's token)
 * never passes from one reader to another, and every change of what the card shows appears at once.
 */
@IntegrationTest
class PostCardsFromMemoryTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining joining;
    @Autowired
    PostService posts;
    @Autowired
    AccountService accounts;

    WebClient signedIn(Account a) {
        WebClient browser = new WebClient(port);
        browser.login(a.email(), Members.PASSWORD);
        return browser;
    }

    Group group(Account owner) {
        return groups.create(owner, new GroupForm(("c-" + Members.uniqueHandle("x").substring(2)).toLowerCase().replace('_', '-'),
                "Cards", "", "en", "PUBLIC", "OPEN", List.of(), false));
    }

    /** The card of this post on the page: from its opening tag to its end. */
    static String card(String page, long postId) {
        Matcher m = Pattern.compile("<article [^>]*id=\"post-" + postId + "\".*?</article>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("the card of post " + postId).isTrue();
        return m.group();
    }

    @Test
    void eachReaderGetsTheirOwnLikeLanguageZoneAndTokenAroundTheSameContent() {
        Account author = members.active("author");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        accounts.updatePreferences(bob.id(), "fr", "America/New_York");
        Group g = group(author);
        joining.join(ana, g.slug(), List.of());
        joining.join(bob, g.slug(), List.of());
        Post post = posts.publish(author, g.id(), new PostService.Draft("Market day", "Fresh *bread* at noon", null));
        posts.like(ana, post.id());
        WebClient anas = signedIn(ana);
        WebClient bobs = signedIn(bob);

        String anaFirst = card(anas.get("/").body(), post.id());
        String bobFirst = card(bobs.get("/").body(), post.id());
        String anaAgain = card(anas.get("/").body(), post.id());
        String bobsPage = bobs.get("/").body();
        String bobAgain = card(bobsPage, post.id());

        for (String card : List.of(anaFirst, anaAgain)) {
            assertThat(card).contains("<em>bread</em>").contains("Unlike</button>").contains("aria-pressed=\"true\"")
                    .contains(time(post, Locale.ENGLISH, ZoneId.of("UTC")));
        }
        for (String card : List.of(bobFirst, bobAgain)) {
            assertThat(card).contains("<em>bread</em>").contains("J’aime</button>").contains("aria-pressed=\"false\"")
                    .contains(time(post, Locale.FRENCH, ZoneId.of("America/New_York")));
        }
        // the like button submits the page's one form of card actions, with bob's own token: accepted from his session
        assertThat(bobAgain).contains("form=\"card-actions\" formaction=\"/p/" + post.id() + "/like\"")
                .contains("name=\"returnTo\" value=\"/#post-" + post.id() + "\"").doesNotContain("_csrf");
        assertThat(bobs.postWithoutCsrf("/p/" + post.id() + "/like", "_csrf", token(cardActionsForm(bobsPage)), "returnTo", "/")
                .status()).isEqualTo(302);
        assertThat(card(bobs.get("/").body(), post.id())).contains("Je n’aime plus</button>").contains("2 personnes aiment");
        assertThat(card(anas.get("/").body(), post.id())).contains("Unlike</button>").contains("2 likes");
    }

    @Test
    void anEditedPostARenamedAuthorAndANewCountShowAtOnce() {
        Account author = members.active("author");
        Account ana = members.active("ana");
        Group g = group(author);
        joining.join(ana, g.slug(), List.of());
        Post post = posts.publish(author, g.id(), new PostService.Draft("", "The first words", null));
        WebClient anas = signedIn(ana);
        assertThat(card(anas.get("/").body(), post.id())).contains("The first words").contains("no likes");

        posts.applyAcceptedRevision(post.id(), author.id(), new PostService.Text("", "The better words", null, null));
        assertThat(card(anas.get("/").body(), post.id())).contains("The better words").doesNotContain("The first words")
                .contains("edited");

        accounts.updateProfile(author.id(), "Renamed Author", "");
        assertThat(card(anas.get("/").body(), post.id())).contains("Renamed Author");

        Account liker = members.active("liker");
        joining.join(liker, g.slug(), List.of());
        posts.like(liker, post.id());
        assertThat(card(anas.get("/").body(), post.id())).contains("1 like");
    }

    private static String time(Post post, Locale locale, ZoneId zone) {
        String pattern = java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM,
                FormatStyle.SHORT, java.time.chrono.IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(post.createdAt());
    }

    /** The page's one form that the cards' buttons submit (layout.jte). */
    private static String cardActionsForm(String page) {
        Matcher m = Pattern.compile("<form id=\"card-actions\" method=\"post\"[^>]*hidden>.*?</form>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("the form of card actions").isTrue();
        return m.group();
    }

    private static String token(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
