package org.tribune.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Audience;
import org.tribune.account.Members;
import org.tribune.account.MentionPolicy;
import org.tribune.account.PrivacySettings;
import org.tribune.follow.FollowService;
import org.tribune.group.Curation;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.platform.Forbidden;
import org.tribune.platform.personaldata.PersonalData;
import org.tribune.post.PostService;
import org.tribune.safety.SafetyService;

/** A new member's first steps: skippable, resumable, in both languages, for members only. */
@IntegrationTest
class OnboardingTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    OnboardingService onboarding;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupAccess access;
    @Autowired
    Curation curation;
    @Autowired
    PostService posts;
    @Autowired
    FollowService follows;
    @Autowired
    SafetyService safety;
    @Autowired
    AccountService accounts;
    @Autowired
    List<PersonalData> personalData;

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    private Group group(Account owner, String name) {
        return groups.create(owner, new GroupForm(("o-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-'),
                name, "", "en", "PUBLIC", "OPEN", List.of(), false));
    }

    @Test
    void aNewMemberMeetsItOnTheHomePageAndResumesWhereTheyLeft() {
        Account ana = members.active("ana");
        assertThat(onboarding.progress(ana.id())).as("started by admission").isPresent();
        assertThat(onboarding.landsOnIt(ana.id())).isTrue();
        WebClient browser = signedIn(ana);
        assertThat(browser.get("/").body()).contains("Take your first steps").contains("href=\"/onboarding\"");

        assertThat(browser.get("/onboarding").location()).isEqualTo("/onboarding/language");
        assertThat(browser.get("/onboarding/language").body()).contains("step 1 of 7").contains("action=\"/settings/language\"");
        assertThat(onboarding.landsOnIt(ana.id())).isFalse();
        assertThat(browser.get("/onboarding/people").status()).isEqualTo(200);
        assertThat(browser.get("/onboarding/groups").status()).isEqualTo(200);
        assertThat(browser.get("/onboarding").location()).as("the furthest screen").isEqualTo("/onboarding/people");
        assertThat(browser.get("/").body()).contains("Continue getting started").doesNotContain("Take your first steps");

        assertThat(browser.post("/onboarding/finish").location()).isEqualTo("/");
        assertThat(onboarding.progress(ana.id()).orElseThrow().finished()).isTrue();
        assertThat(browser.get("/").body()).doesNotContain("Continue getting started");
        assertThat(browser.get("/onboarding/nowhere").status()).isEqualTo(404);
    }

    @Test
    void everyScreenWorksWithoutScriptsInEnglishAndFrench() {
        Account bob = members.active("bob");
        WebClient browser = signedIn(bob);
        for (Step step : Step.values()) {
            WebClient.Response page = browser.get("/onboarding/" + step.slug());
            assertThat(page.status()).as(step.name()).isEqualTo(200);
            assertThat(page.body()).as(step.name()).doesNotContain("<script>").contains("<h1");
            if (step.next().isPresent()) {
                assertThat(page.body()).as("skippable").contains("href=\"/onboarding/" + step.next().get().slug() + "\"");
            }
        }
        // The language screen's own form switches the pages to French, then goes on.
        WebClient.Response chosen = browser.post("/settings/language", "locale", "fr", "returnTo", "/onboarding/groups");
        assertThat(chosen.location()).isEqualTo("/onboarding/groups");
        assertThat(browser.get("/onboarding/groups").body()).contains("<html lang=\"fr\"").contains("Choisissez des groupes");
        assertThat(browser.get("/onboarding/notes").body()).contains("notes de la communauté");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void onlyCuratedModeratedGroupsAreOfferedAndOnlyTheChosenAreJoined() {
        Account owner = members.active("own");
        Group curated = group(owner, "Curated gardening");
        Group other = group(owner, "Uncurated noise");
        curation.setCurated(curated.slug(), true);

        Account cleo = members.active("cleo");
        WebClient browser = signedIn(cleo);
        String screen = browser.get("/onboarding/groups").body();
        assertThat(screen).contains("Curated gardening").doesNotContain("Uncurated noise");
        assertThat(access.memberGroupIds(cleo.id())).doesNotContain(curated.id());

        assertThat(browser.post("/onboarding/groups", "group", curated.slug(), "group", other.slug()).location())
                .isEqualTo("/onboarding/people");
        assertThat(access.memberGroupIds(cleo.id())).contains(curated.id()).doesNotContain(other.id());
    }

    @Test
    void activePeopleWhoLetThemselvesBeFoundAreOfferedNeverBlockersOrHiddenOnes() {
        Account owner = members.active("own");
        Group square = group(owner, "Square");
        Account open = members.active("open");
        Account shy = members.active("shy");
        Account blocker = members.active("blk");
        for (Account a : List.of(open, shy, blocker)) {
            groupJoining.join(a, square.slug(), List.of());
            posts.publish(a, square.id(), new PostService.Draft(null, "Hello from " + a.handle(), null));
        }
        accounts.updatePrivacy(shy.id(), new PrivacySettings(Audience.EVERYONE, Audience.EVERYONE, Audience.EVERYONE,
                MentionPolicy.EVERYONE, false, false));
        Account dan = members.active("dan");
        safety.block(blocker, dan.handle());

        assertThat(onboarding.suggestedPeople(dan)).extracting(Account::handle).contains(open.handle())
                .doesNotContain(shy.handle(), blocker.handle(), dan.handle());
        WebClient browser = signedIn(dan);
        assertThat(browser.get("/onboarding/people").body()).contains("@" + open.handle()).doesNotContain("@" + shy.handle());
        assertThat(browser.post("/onboarding/people", "person", open.handle(), "person", shy.handle()).location())
                .isEqualTo("/onboarding/conduct");
        assertThat(follows.isFollowing(dan.id(), open.id())).isTrue();
        assertThat(follows.isFollowing(dan.id(), shy.id())).as("not offered, not followed").isFalse();
    }

    @Test
    void peopleOfTheGroupsJustJoinedComeBeforeThoseOfBusierPublicGroups() {
        Account owner = members.active("own");
        Group chosen = group(owner, "Chosen");
        Group busy = group(owner, "Busy");
        Account neighbour = members.active("nbr");
        groupJoining.join(neighbour, chosen.slug(), List.of());
        posts.publish(neighbour, chosen.id(), new PostService.Draft(null, "Hello from the chosen group", null));
        Account stranger = members.active("str");
        groupJoining.join(stranger, busy.slug(), List.of());
        // The stranger wrote last, in a public group the newcomer did not join.
        posts.publish(stranger, busy.id(), new PostService.Draft(null, "Hello from a busy group", null));
        Account newcomer = members.active("new");
        groupJoining.join(newcomer, chosen.slug(), List.of());

        List<String> offered = onboarding.suggestedPeople(newcomer).stream().map(Account::handle).toList();
        assertThat(offered).contains(neighbour.handle(), stranger.handle());
        assertThat(offered.indexOf(neighbour.handle())).as("the chosen group's people first")
                .isLessThan(offered.indexOf(stranger.handle()));
        String screen = signedIn(newcomer).get("/onboarding/people").body();
        assertThat(screen.indexOf("<button type=\"submit\""))
                .as("a button before the list, so the way to it does not grow with the list")
                .isPositive().isLessThan(screen.indexOf("id=\"person-"));
    }

    @Test
    void agreeingToTheCodeOfConductIsRecordedWithItsDateExportedAndErased() {
        Account eve = members.active("eve");
        WebClient browser = signedIn(eve);
        assertThat(browser.post("/onboarding/conduct").location()).as("no tick, no agreement").isEqualTo("/onboarding/conduct");
        assertThat(onboarding.progress(eve.id()).orElseThrow().conductAgreedAt()).isNull();

        assertThat(browser.post("/onboarding/conduct", "agree", "true").location()).isEqualTo("/onboarding/editing");
        assertThat(onboarding.progress(eve.id()).orElseThrow().conductAgreedAt()).isNotNull();
        assertThat(browser.get("/onboarding/conduct").body()).contains("You agreed to the code of conduct on");

        PersonalData mine = personalData.stream().filter(p -> p.getClass().getSimpleName().startsWith("Onboarding"))
                .findFirst().orElseThrow();
        assertThat(mine.counts(eve.id())).containsEntry("onboarding", 1L);
        java.util.Map<String, List<? extends java.util.Map<String, ?>>> exported = new java.util.HashMap<>();
        mine.export(eve.id(), new org.tribune.platform.personaldata.ExportWriter() {
            @Override
            public void records(String category, List<? extends java.util.Map<String, ?>> records) {
                exported.put(category, records);
            }

            @Override
            public void media(String path, byte[] content) {
            }
        });
        assertThat(exported.get("onboarding").getFirst().get("conductAgreedAt")).isNotNull();
        mine.erase(eve.id(), null);
        assertThat(onboarding.progress(eve.id())).isEmpty();
    }

    @Test
    void waitingPeopleAndVisitorsCannotUseIt() {
        Account waiting = members.waiting("wait");
        assertThat(onboarding.progress(waiting.id())).isEmpty();
        WebClient browser = signedIn(waiting);
        assertThat(browser.get("/onboarding/groups").status()).isEqualTo(403);
        assertThat(browser.post("/onboarding/groups", "group", "anything").status()).isEqualTo(403);
        assertThat(browser.post("/onboarding/conduct", "agree", "true").status()).isEqualTo(403);
        assertThat(onboarding.progress(waiting.id())).isEmpty();
        assertThatThrownBy(() -> onboarding.follow(waiting, List.of("x"))).isInstanceOf(Forbidden.class);

        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/onboarding").location()).isEqualTo("/login");
        assertThat(visitor.get("/onboarding/language").location()).isEqualTo("/login");
    }
}
