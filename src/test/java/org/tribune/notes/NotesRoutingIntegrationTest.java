package org.tribune.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.platform.Forbidden;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

import tools.jackson.databind.JsonNode;

/**
 * The whole path on the database of the run: the issue's two-camp population written and rated through the service,
 * one scoring run, the statuses read back; then the "needs your help" order that the stored raters' factors give,
 * who may see that list, and that nobody's factor shows anywhere but in their own data export.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesRoutingIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trust;
    @Autowired
    PostService posts;
    @Autowired
    NoteService notes;
    @Autowired
    NoteScoring scoring;
    @Autowired
    NoteExport export;
    @Autowired
    TokenService tokens;
    @Autowired
    RaterFactors raterFactors;
    @Autowired
    NotesPersonalData personalData;

    StoredPopulation population;

    /** The issue's population at density 0.4 (100 raters a camp, 30 + 60 + 30 notes, about 9,600 ratings), scored once. */
    @BeforeAll
    void storeRateAndScore() {
        population = StoredPopulation.write(members, trust, posts, notes,
                NotePopulation.generate(NotePopulation.Shape.issue(0.4, 0, 1)));
        population.rateAll(notes);
        scoring.run();
    }

    List<NoteStatus> statuses(NotePopulation.Kind kind) {
        return population.of(kind).stream().map(n -> notes.note(n.id(), population.writer).note().status()).toList();
    }

    static double share(List<NoteStatus> statuses, NoteStatus status) {
        return (double) statuses.stream().filter(s -> s == status).count() / statuses.size();
    }

    @Test
    void ratingsGivenThroughTheServiceEndInTheStatusesOfThePublishedModel() {
        assertThat(share(statuses(NotePopulation.Kind.BOTH_CAMPS), NoteStatus.HELPFUL)).isGreaterThanOrEqualTo(0.90);
        assertThat(share(statuses(NotePopulation.Kind.POOR), NoteStatus.NOT_HELPFUL)).isGreaterThanOrEqualTo(0.85);
        assertThat(statuses(NotePopulation.Kind.PARTISAN_A)).doesNotContain(NoteStatus.HELPFUL);
        assertThat(statuses(NotePopulation.Kind.PARTISAN_B)).doesNotContain(NoteStatus.HELPFUL);
        // What readers see: a both-camps note under its post, no partisan note under its own.
        WebClient visitor = new WebClient(port);
        Note shown = population.of(NotePopulation.Kind.BOTH_CAMPS).stream()
                .filter(n -> notes.note(n.id(), null).note().status() == NoteStatus.HELPFUL).findFirst().orElseThrow();
        assertThat(visitor.get("/api/v1/posts/" + shown.postId()).json().get("note").get("sources").get(0).asText())
                .isEqualTo(shown.sources().getFirst());
        Note partisan = population.of(NotePopulation.Kind.PARTISAN_A).getFirst();
        assertThat(visitor.get("/api/v1/posts/" + partisan.postId()).json().get("note").isNull()).isTrue();
    }

    @Test
    void theScoringRunStoresEveryCountedRatersSideAndTheCampsEndOnOppositeSides() {
        long positiveA = 0;
        long positiveB = 0;
        for (int i = 0; i < population.raters.size(); i++) {
            Double factor = raterFactors.of(population.raters.get(i).id()).orElseThrow();
            boolean campA = population.plan.raters.get(i).camp() == NotePopulation.Camp.A;
            positiveA += campA && factor > 0 ? 1 : 0;
            positiveB += !campA && factor > 0 ? 1 : 0;
        }
        // One camp on each side (which one is which is the scorer's convention: the larger group negative).
        assertThat(Math.abs(positiveA - positiveB)).isGreaterThanOrEqualTo(95);
    }

    /** Three fresh notes: one rated by three raters of the viewer's side, one by three of the other side, one by nobody. */
    record Fresh(Note oursOnly, Note theirsOnly, Note nobody, Account viewer, Account otherSide) {
    }

    Fresh freshNotes() {
        Account viewer = population.raters.get(0);
        double side = Math.signum(raterFactors.of(viewer.id()).orElseThrow());
        List<Account> ours = new ArrayList<>();
        List<Account> theirs = new ArrayList<>();
        for (Account rater : population.raters.subList(1, population.raters.size())) {
            // Raters without a factor (one test erases a rater) are on no side.
            raterFactors.of(rater.id()).ifPresent(f -> (Math.signum(f) == side ? ours : theirs).add(rater));
        }
        Note oursOnly = fresh("ours");
        Note theirsOnly = fresh("theirs");
        Note nobody = fresh("nobody");
        for (int i = 0; i < 3; i++) {
            notes.rate(ours.get(i), oursOnly.id(), Helpfulness.HELPFUL, List.of());
            notes.rate(theirs.get(i), theirsOnly.id(), Helpfulness.HELPFUL, List.of());
        }
        return new Fresh(oursOnly, theirsOnly, nobody, viewer, theirs.get(10));
    }

    Note fresh(String title) {
        Post post = posts.publish(population.poster, null, new PostService.Draft("Fresh " + title, "A fresh claim", null));
        return notes.write(population.writer, post.id(), true, "Fresh context " + title + " https://example.org/" + post.id());
    }

    static List<Long> positions(List<NoteView> list, Note... wanted) {
        List<Long> ids = list.stream().map(v -> v.note().id()).toList();
        List<Long> order = new ArrayList<>();
        for (Long id : ids) {
            for (Note note : wanted) {
                if (note.id() == id) {
                    order.add(id);
                }
            }
        }
        return order;
    }

    @Test
    void aNoteRatedByOneSideOnlyIsOfferedToTheOtherSideFirst() {
        Fresh fresh = freshNotes();
        List<NoteView> forViewer = notes.needingRatings(fresh.viewer(), null, 1000).notes();
        // The viewer's side rated neither the note only the other side rated nor the one nobody rated: both come
        // first, newest first; the one their own side began comes after.
        assertThat(positions(forViewer, fresh.oursOnly(), fresh.theirsOnly(), fresh.nobody()))
                .containsExactly(fresh.nobody().id(), fresh.theirsOnly().id(), fresh.oursOnly().id());
        List<NoteView> forOtherSide = notes.needingRatings(fresh.otherSide(), null, 1000).notes();
        assertThat(positions(forOtherSide, fresh.oursOnly(), fresh.theirsOnly(), fresh.nobody()))
                .containsExactly(fresh.nobody().id(), fresh.oursOnly().id(), fresh.theirsOnly().id());
        // The page shows the same order: the note only the other side rated is on the first page, before the one the
        // viewer's side began.
        String page = login(fresh.viewer()).get("/notes/needs-ratings").body();
        int theirsOnly = page.indexOf("id=\"note-" + fresh.theirsOnly().id() + "\"");
        int oursOnly = page.indexOf("id=\"note-" + fresh.oursOnly().id() + "\"");
        assertThat(theirsOnly).isPositive();
        assertThat(oursOnly == -1 || theirsOnly < oursOnly).isTrue();
    }

    @Test
    void aNewRaterIsOfferedNotesThatAlreadyHaveAFewRatingsFirst() {
        Fresh fresh = freshNotes();
        Account newcomer = rater("newrater");
        List<NoteView> list = notes.needingRatings(newcomer, null, 1000).notes();
        assertThat(positions(list, fresh.oursOnly(), fresh.theirsOnly(), fresh.nobody()))
                .containsExactly(fresh.theirsOnly().id(), fresh.oursOnly().id(), fresh.nobody().id());
    }

    @Test
    void theListPagesOnWithACursorAndRefusesAForgedOne() {
        freshNotes();
        Account viewer = population.raters.get(2);
        NoteService.RatingQueue first = notes.needingRatings(viewer, null, 5);
        assertThat(first.notes()).hasSize(5);
        assertThat(first.next()).isNotNull();
        NoteService.RatingQueue second = notes.needingRatings(viewer, first.next(), 5);
        assertThat(second.notes()).isNotEmpty().extracting(v -> v.note().id())
                .doesNotContainAnyElementsOf(first.notes().stream().map(v -> v.note().id()).toList());
        WebClient api = new WebClient(port);
        var response = api.get("/api/v1/notes/needs-ratings", "Authorization", bearer(viewer));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Link")).startsWith("</api/v1/notes/needs-ratings?after=").endsWith(">; rel=\"next\"");
        assertThat(api.get("/api/v1/notes/needs-ratings?after=nonsense", "Authorization", bearer(viewer)).status())
                .isEqualTo(400);
        assertThat(login(viewer).get("/notes/needs-ratings?after=9-9-x").status()).isEqualTo(400);
    }

    @Test
    void onlyActiveRatersAtTrustLevelOneMaySeeTheList() {
        WebClient anonymous = new WebClient(port);
        assertThat(anonymous.get("/api/v1/notes/needs-ratings").status()).isEqualTo(401);
        assertThat(anonymous.get("/notes/needs-ratings").status()).isEqualTo(302);
        Account newcomer = members.active("tlzero");
        TrustFixture.set(trust, newcomer.id(), TrustLevel.NEW);
        assertThat(new WebClient(port).get("/api/v1/notes/needs-ratings", "Authorization", bearer(newcomer)).status())
                .isEqualTo(403);
        assertThat(login(newcomer).get("/notes/needs-ratings").status()).isEqualTo(403);
        Account suspended = rater("suspended");
        members.suspend(suspended);
        assertThatThrownBy(() -> notes.needingRatings(members.reload(suspended), null, 10)).isInstanceOf(Forbidden.class);
    }

    @Test
    void nobodysFactorShowsAnywhereButInTheirOwnDataExport() {
        Account rater = population.raters.get(4);
        double factor = raterFactors.of(rater.id()).orElseThrow();
        // The value as Java prints it, and rounded to 8 places (more than any timestamp's fraction has, so a match
        // cannot be a coincidence).
        List<String> traces = List.of(Double.toString(factor), Double.toString(-factor),
                String.format(Locale.ROOT, "%.8f", Math.abs(factor)));
        Note rated = population.notes.stream().filter(n -> notes.note(n.id(), rater).myRating() != null).findFirst().orElseThrow();
        Account other = population.raters.get(5);
        WebClient api = new WebClient(port);
        WebClient otherPages = login(other);
        List<String> seenByOthers = new ArrayList<>();
        var list = api.get("/api/v1/notes/needs-ratings", "Authorization", bearer(other));
        seenByOthers.add(list.body());
        seenByOthers.add(String.valueOf(list.header("Link")));
        seenByOthers.add(api.get("/api/v1/notes/" + rated.id(), "Authorization", bearer(other)).body());
        seenByOthers.add(api.get("/api/v1/posts/" + rated.postId() + "/notes", "Authorization", bearer(other)).body());
        seenByOthers.add(otherPages.get("/notes/needs-ratings").body());
        seenByOthers.add(otherPages.get("/p/" + rated.postId() + "/notes").body());
        seenByOthers.add(otherPages.get("/@" + rater.handle()).body());
        seenByOthers.add(api.get("/api/v1/users/" + rater.handle(), "Authorization", bearer(other)).body());
        NoteExports.Files files = export.build("test", Instant.now().plusSeconds(5));
        seenByOthers.add(files.notesTsv());
        seenByOthers.add(files.ratingsTsv());
        for (String text : seenByOthers) {
            for (String trace : traces) {
                assertThat(text).doesNotContain(trace);
            }
            assertThat(text).doesNotContainIgnoringCase("\"factor\"").doesNotContain("rater-factor");
        }
        // Another person's data export holds their own factor, not this rater's.
        String othersExport = exportOf(other).toString();
        assertThat(othersExport).contains(Double.toString(raterFactors.of(other.id()).orElseThrow()));
        traces.forEach(trace -> assertThat(othersExport).doesNotContain(trace));
        // Their own list says nothing of it either; their own data export holds it.
        JsonNode own = api.get("/api/v1/notes/needs-ratings", "Authorization", bearer(rater)).json();
        assertThat(own.toString()).doesNotContain("factor").doesNotContain(Double.toString(factor));
        assertThat(exportOf(rater).get(NotesPersonalData.SIDE.name())).containsExactly(Map.of("factor", factor));
    }

    Map<String, List<Map<String, ?>>> exportOf(Account account) {
        Map<String, List<Map<String, ?>>> records = new LinkedHashMap<>();
        personalData.export(account.id(), new ExportWriter() {
            @Override
            public void records(String category, List<? extends Map<String, ?>> list) {
                records.put(category, new ArrayList<>(list));
            }

            @Override
            public void media(String path, byte[] content) {
            }
        });
        return records;
    }

    @Test
    void aDeletedRatersFactorGoesWithThem() {
        Account rater = population.raters.get(6);
        assertThat(personalData.counts(rater.id())).containsEntry(NotesPersonalData.SIDE.name(), 1L);
        personalData.erase(rater.id(), new org.tribune.platform.personaldata.Erasure(false));
        assertThat(raterFactors.of(rater.id())).isEmpty();
        assertThat(personalData.counts(rater.id())).containsEntry(NotesPersonalData.SIDE.name(), 0L);
    }

    Account rater(String prefix) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), TrustLevel.BASIC);
        return account;
    }

    String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "test");
    }

    WebClient login(Account account) {
        WebClient client = new WebClient(port);
        client.login(account.email(), Members.PASSWORD);
        return client;
    }
}
