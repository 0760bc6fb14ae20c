package org.tribune.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
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
import org.tribune.platform.NotFound;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class NotesIntegrationTest {
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
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    TokenService tokens;

    String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "test");
    }

    Account withLevel(String prefix, TrustLevel level) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), level);
        return account;
    }

    @Test
    void aNoteBothCampsFindHelpfulShowsUnderThePostEverywhereAndAOneSidedNoteDoesNot() {
        NoteCamps camps = NoteCamps.write(members, trust, posts, notes, 8);
        camps.rateAll(notes);
        WebClient before = new WebClient(port);
        assertThat(before.get("/api/v1/posts/" + camps.misleadingPost.id()).json().get("note").isNull())
                .as("before scoring: no note, and the post's notes now held in memory").isTrue();
        scoring.run();

        assertThat(notes.note(camps.bridging.id(), null).note().status()).isEqualTo(NoteStatus.HELPFUL);
        for (Note partisan : camps.sideA) {
            assertThat(notes.note(partisan.id(), camps.writer).note().status()).isNotEqualTo(NoteStatus.HELPFUL);
        }
        assertThat(notes.note(camps.poor.getFirst().id(), camps.writer).note().status()).isEqualTo(NoteStatus.NOT_HELPFUL);

        WebClient visitor = new WebClient(port);
        long postId = camps.misleadingPost.id();
        assertThat(visitor.get("/p/" + postId).body()).contains("Readers added context").contains("https://example.org/archive/2015");
        assertThat(visitor.get("/@" + camps.poster.handle()).body()).contains("https://example.org/archive/2015");
        JsonNode post = visitor.get("/api/v1/posts/" + postId).json();
        assertThat(post.get("note").get("sources").get(0).asText()).isEqualTo("https://example.org/archive/2015");
        assertThat(post.get("note").get("postEditedSince").asBoolean()).isFalse();
        // A partisan note is not shown to readers, on the page or in the API.
        long partisanPost = camps.sideA.getFirst().postId();
        assertThat(visitor.get("/api/v1/posts/" + partisanPost).json().get("note").isNull()).isTrue();
        assertThat(visitor.get("/api/v1/posts/" + partisanPost + "/notes").json().size()).isZero();

        // Shared, the post still carries its note.
        Account sharer = members.active("sharer");
        Post share = posts.share(sharer, postId, null, "Look at this");
        JsonNode shared = visitor.get("/api/v1/posts/" + share.id()).json();
        assertThat(shared.get("shared").get("note").get("textHtml").asText()).contains("from 2015");
        assertThat(visitor.get("/p/" + share.id()).body()).contains("shared-post").contains("Readers added context");

        // Once the post is edited, readers are told the note may speak of an older version.
        posts.applyAcceptedRevision(postId, camps.poster.id(), new PostService.Text("Flood in the city centre", "Photo of a flood", null, null));
        assertThat(visitor.get("/api/v1/posts/" + postId).json().get("note").get("postEditedSince").asBoolean()).isTrue();
        assertThat(visitor.get("/p/" + postId).body()).contains("edited since this note");
    }

    @Test
    void writingNeedsMemberLevelAndASourceAndRatingNeedsBasicLevel() {
        Account poster = members.active("poster");
        Post post = posts.publish(poster, null, new PostService.Draft("", "A claim", null));
        Account basic = withLevel("basic", TrustLevel.BASIC);
        Account member = withLevel("member", TrustLevel.MEMBER);
        Account newcomer = withLevel("newcomer", TrustLevel.NEW);
        WebClient api = new WebClient(port);

        var refused = api.postJson("/api/v1/posts/" + post.id() + "/notes",
                Map.of("classification", "misleading", "body", "See https://example.org"), "Authorization", bearer(basic));
        assertThat(refused.status()).isEqualTo(403);
        var noSource = api.postJson("/api/v1/posts/" + post.id() + "/notes",
                Map.of("classification", "misleading", "body", "Trust me"), "Authorization", bearer(member));
        assertThat(noSource.status()).isEqualTo(400);
        var badClass = api.postJson("/api/v1/posts/" + post.id() + "/notes",
                Map.of("classification", "maybe", "body", "See https://example.org"), "Authorization", bearer(member));
        assertThat(badClass.status()).isEqualTo(400);
        var written = api.postJson("/api/v1/posts/" + post.id() + "/notes",
                Map.of("classification", "misleading", "body", "See https://example.org/facts"), "Authorization", bearer(member));
        assertThat(written.status()).isEqualTo(201);
        String noteId = written.json().get("id").asText();
        assertThat(written.json().toString()).doesNotContain(member.handle()).doesNotContain(Long.toString(member.id()));
        assertThat(api.postJson("/api/v1/posts/" + post.id() + "/notes",
                Map.of("classification", "misleading", "body", "Again https://example.org"), "Authorization", bearer(member))
                .status()).isEqualTo(409);

        assertThat(api.postJson("/api/v1/notes/" + noteId + "/ratings", Map.of("helpfulness", "helpful"),
                "Authorization", bearer(newcomer)).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/notes/" + noteId + "/ratings", Map.of("helpfulness", "helpful"),
                "Authorization", bearer(member)).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/notes/" + noteId + "/ratings", Map.of("helpfulness", "great"),
                "Authorization", bearer(basic)).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/notes/" + noteId + "/ratings", Map.of("helpfulness", "helpful", "tags", List.of("nonsense")),
                "Authorization", bearer(basic)).status()).isEqualTo(400);
        var rated = api.postJson("/api/v1/notes/" + noteId + "/ratings",
                Map.of("helpfulness", "somewhat", "tags", List.of("clear")), "Authorization", bearer(basic));
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.json().get("myRating").asText()).isEqualTo("somewhat");
        assertThat(rated.json().get("ratings").asLong()).isEqualTo(1);
        assertThat(rated.json().toString()).doesNotContain(basic.handle()).doesNotContain(Long.toString(basic.id()));

        // A note needing ratings is offered to raters, not to readers.
        assertThat(api.get("/api/v1/posts/" + post.id() + "/notes").json().size()).isZero();
        assertThat(api.get("/api/v1/posts/" + post.id() + "/notes", "Authorization", bearer(newcomer)).json().size()).isZero();
        Account otherRater = withLevel("rater", TrustLevel.BASIC);
        assertThat(api.get("/api/v1/posts/" + post.id() + "/notes", "Authorization", bearer(otherRater)).json().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/notes/needs-ratings", "Authorization", bearer(otherRater)).body()).contains(noteId);
        assertThat(api.get("/api/v1/notes/needs-ratings", "Authorization", bearer(newcomer)).status()).isEqualTo(403);
        WebClient page = new WebClient(port);
        page.login(otherRater.email(), Members.PASSWORD);
        assertThat(page.get("/notes/needs-ratings").body()).contains("note-" + noteId);
    }

    @Test
    void notesOfAPrivateGroupsPostStayInTheGroup() {
        Account owner = withLevel("owner", TrustLevel.MEMBER);
        Group group = groups.create(owner, new GroupForm("notes-" + Long.toString(System.nanoTime(), 36), "Private notes", "",
                "en", "PRIVATE", "OPEN", List.of(), false));
        Post post = posts.publish(owner, group.id(), new PostService.Draft("", "Inside", null));
        Account member = withLevel("insider", TrustLevel.MEMBER);
        groupJoining.join(member, group.slug(), List.of());
        Note note = notes.write(member, post.id(), true, "Inside context https://example.org/inside");
        Account outsider = withLevel("outsider", TrustLevel.LEADER);

        assertThatThrownBy(() -> notes.ofPost(post.id(), outsider)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> notes.rate(outsider, note.id(), Helpfulness.HELPFUL, List.of())).isInstanceOf(NotFound.class);
        assertThat(notes.needingRatings(outsider, null, 500).notes()).noneMatch(v -> v.note().id() == note.id());
        WebClient api = new WebClient(port);
        assertThat(api.get("/api/v1/posts/" + post.id() + "/notes", "Authorization", bearer(outsider)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/notes/" + note.id(), "Authorization", bearer(outsider)).status()).isEqualTo(404);
        assertThat(export.build("test", Instant.now().plusSeconds(5)).notesTsv()).doesNotContain("Inside context");
    }

    @Test
    void nobodyRatesTheirOwnNote() {
        Account poster = members.active("poster");
        Post post = posts.publish(poster, null, new PostService.Draft("", "Claim", null));
        Account writer = withLevel("writer", TrustLevel.LEADER);
        Note note = notes.write(writer, post.id(), true, "Context https://example.org/own");
        assertThatThrownBy(() -> notes.rate(writer, note.id(), Helpfulness.HELPFUL, List.of()))
                .isInstanceOf(Forbidden.class).hasMessageContaining("notes.not-your-own");
    }

    @Test
    void theExportNamesNobodyAndKeepsPseudonymsStable() {
        Account poster = members.active("poster");
        Post post = posts.publish(poster, null, new PostService.Draft("", "Claim to export", null));
        Account writer = withLevel("exporter", TrustLevel.MEMBER);
        Account rater = withLevel("exrater", TrustLevel.BASIC);
        Note note = notes.write(writer, post.id(), false, "Exported context https://example.org/export");
        notes.rate(rater, note.id(), Helpfulness.HELPFUL, List.of("clear"));

        NoteExports.Files first = export.build("test", Instant.now().plusSeconds(5));
        NoteExports.Files second = export.build("test", Instant.now().plusSeconds(5));
        String pseudonym = export.pseudonym(rater.id());
        assertThat(pseudonym).hasSize(32).isEqualTo(export.pseudonym(rater.id())).isNotEqualTo(export.pseudonym(writer.id()));
        assertThat(first.ratingsTsv()).contains(note.id() + "\t" + pseudonym + "\t1.0\tclear");
        assertThat(first.notesTsv()).contains("Exported context").contains(export.pseudonym(writer.id()));
        assertThat(second.ratingsTsv()).isEqualTo(first.ratingsTsv());
        for (String text : List.of(first.notesTsv(), first.ratingsTsv())) {
            assertThat(text).doesNotContain(Long.toString(rater.id())).doesNotContain(Long.toString(writer.id()))
                    .doesNotContain(rater.handle()).doesNotContain(writer.handle());
        }
        assertThatThrownBy(() -> export.make(LocalDate.now().minusDays(1))).isInstanceOf(IllegalArgumentException.class);

        LocalDate day = export.latestDay();
        export.make(day);
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/notes/export").body()).contains(day + "/notes.tsv");
        var tsv = visitor.get("/notes/export/" + day + "/ratings.tsv");
        assertThat(tsv.status()).isEqualTo(200);
        assertThat(tsv.body()).startsWith(NoteExport.RATINGS_HEADER);
        assertThat(visitor.get("/notes/export/" + day + "/notes.json").status()).isEqualTo(200);
        assertThat(visitor.get("/notes/export/nonsense/notes.json").status()).isEqualTo(404);
        assertThat(visitor.get("/notes/export/" + day + "/other.tsv").status()).isEqualTo(404);
    }

    @Test
    void scoringOnDemandIsForAdministrators() {
        Account member = withLevel("member", TrustLevel.LEADER);
        Account admin = members.withRole("admin", org.tribune.account.Role.ADMIN);
        WebClient api = new WebClient(port);
        assertThat(api.postJson("/api/v1/notes/scoring", Map.of(), "Authorization", bearer(member)).status()).isEqualTo(403);
        var run = api.postJson("/api/v1/notes/scoring", Map.of(), "Authorization", bearer(admin));
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().has("notes")).isTrue();
    }

    @Test
    void theNotesPageOffersWritingToMembersAndRatingToRaters() {
        Account poster = members.active("poster");
        Post post = posts.publish(poster, null, new PostService.Draft("", "Page claim", null));
        Account member = withLevel("pagewriter", TrustLevel.MEMBER);
        Account basic = withLevel("pagerater", TrustLevel.BASIC);
        Account newcomer = withLevel("pagenew", TrustLevel.NEW);

        WebClient writer = new WebClient(port);
        writer.login(member.email(), Members.PASSWORD);
        assertThat(writer.get("/p/" + post.id() + "/notes").body()).contains("id=\"note-body\"");
        assertThat(writer.post("/p/" + post.id() + "/notes", "classification", "misleading", "body", "No source").location())
                .isEqualTo("/p/" + post.id() + "/notes");
        assertThat(writer.get("/p/" + post.id() + "/notes").body()).contains("at least one source link");
        writer.post("/p/" + post.id() + "/notes", "classification", "misleading", "body", "Context https://example.org/page");
        Note note = notes.ofPost(post.id(), member).getFirst().note();
        assertThat(writer.get("/p/" + post.id() + "/notes").body()).doesNotContain("id=\"note-body\"")
                .contains("You already wrote a note on this post.");

        WebClient rater = new WebClient(port);
        rater.login(basic.email(), Members.PASSWORD);
        String page = rater.get("/p/" + post.id() + "/notes").body();
        assertThat(page).contains("Writing notes opens at trust level 2").contains("action=\"/notes/" + note.id() + "/rate\"");
        assertThat(rater.post("/notes/" + note.id() + "/rate", "helpfulness", "helpful", "tags", "clear").status()).isEqualTo(302);
        assertThat(rater.get("/p/" + post.id() + "/notes").body()).contains("1 rating");

        WebClient fresh = new WebClient(port);
        fresh.login(newcomer.email(), Members.PASSWORD);
        assertThat(fresh.get("/p/" + post.id() + "/notes").body()).doesNotContain("Context https");
        assertThat(fresh.post("/notes/" + note.id() + "/rate", "helpfulness", "helpful").status()).isEqualTo(403);
        assertThat(fresh.get("/notes/needs-ratings").status()).isEqualTo(403);
        assertThat(new WebClient(port).get("/p/" + post.id() + "/notes").body()).contains("Log in to write a note");
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        String spec = new WebClient(port).get("/api/openapi.json").body();
        assertThat(spec).contains("/api/v1/posts/{id}/notes", "/api/v1/notes/{id}/ratings", "/api/v1/posts/{id}/flags",
                "/api/v1/moderation/log", "/api/v1/moderation/appeals/{id}", "/api/v1/posts/{id}/shares");
    }

    @Test
    void aWritersAndRatersDataAreTheirsToExport() {
        Account poster = members.active("poster");
        Post post = posts.publish(poster, null, new PostService.Draft("", "Data claim", null));
        Account writer = withLevel("datawriter", TrustLevel.MEMBER);
        Account rater = withLevel("datarater", TrustLevel.BASIC);
        Note note = notes.write(writer, post.id(), true, "Data context https://example.org/data");
        notes.rate(rater, note.id(), Helpfulness.NOT_HELPFUL, List.of("opinion"));
        NotesPersonalData data = new NotesPersonalData(notesTable, ratingsTable, raterFactorsTable);
        assertThat(data.counts(writer.id())).containsEntry("community-notes", 1L).containsEntry("note-ratings", 0L);
        assertThat(data.counts(rater.id())).containsEntry("note-ratings", 1L);
        data.erase(rater.id(), new org.tribune.platform.personaldata.Erasure(false));
        assertThat(data.counts(rater.id())).containsEntry("note-ratings", 0L);
        data.erase(writer.id(), new org.tribune.platform.personaldata.Erasure(false));
        assertThat(data.counts(writer.id())).containsEntry("community-notes", 0L);
        assertThat(notes.note(note.id(), rater).note().authorId()).isZero();
    }

    @Autowired
    Notes notesTable;
    @Autowired
    NoteRatings ratingsTable;
    @Autowired
    RaterFactors raterFactorsTable;

    @Test
    void theScoringPageExplainsInBothLanguages() {
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/notes/about").body()).contains("How community notes are chosen");
        assertThat(visitor.get("/notes/about", "Accept-Language", "fr").body()).contains("Comment les notes de la communauté sont choisies");
    }
}
