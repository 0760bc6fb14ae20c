package org.tribune.notes;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.Viewer;

/** Community notes over the API. Notes carry no author and ratings no rater: only counts and your own. */
@RestController
@Tag(name = "Community notes")
class NoteApi {
    private final NoteService notes;
    private final NoteScoring scoring;
    private final AccountService accounts;
    private final NoteExport export;

    NoteApi(NoteService notes, NoteScoring scoring, AccountService accounts, NoteExport export) {
        this.export = export;
        this.notes = notes;
        this.scoring = scoring;
        this.accounts = accounts;
    }

    @Schema(name = "Note")
    record NoteJson(String id, String postId, @Schema(allowableValues = {"misleading", "not-misleading"}) String classification,
            String body, String bodyHtml, List<String> sources,
            @Schema(allowableValues = {"needs-more-ratings", "helpful", "not-helpful"}) String status, Instant createdAt,
            @Schema(nullable = true) Instant statusAt, boolean postEditedSince, long ratings, boolean mine,
            @Schema(nullable = true, allowableValues = {"helpful", "somewhat", "not-helpful"}) String myRating, boolean canRate) {
        static NoteJson of(NoteView v) {
            Note n = v.note();
            return new NoteJson(Long.toString(n.id()), Long.toString(n.postId()),
                    n.misleading() ? "misleading" : "not-misleading", n.body(), n.bodyHtml(), n.sources(),
                    n.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), n.createdAt(), n.statusAt(),
                    n.postEditedSince(), v.ratings(), v.mine(),
                    v.myRating() == null ? null : v.myRating().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    v.canRate());
        }
    }

    @Schema(name = "NewNote")
    record WriteJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"misleading", "not-misleading"}) String classification,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The note, with at least one source link",
                    example = "The photo is from 2019: https://example.org/archive") String body) {
    }

    @Schema(name = "NoteRating")
    record RatingJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"helpful", "somewhat", "not-helpful"}) String helpfulness,
            @Schema(description = "Reasons: clear, good-sources, addresses-claim, important-context, neutral-language (helpful); "
                    + "sources-missing, incorrect, opinion, hard-to-understand, off-topic, argumentative (not helpful)") List<String> tags) {
    }

    @GetMapping("/api/v1/posts/{id}/notes")
    @Operation(operationId = "listPostNotes", summary = "The notes of a post you may see: Helpful ones; also those needing ratings if you rate (TL1+); your own")
    List<NoteJson> ofPost(@PathVariable long id, Viewer viewer) {
        Account me = accounts.of(viewer).orElse(null);
        return notes.ofPost(id, me).stream().map(NoteJson::of).toList();
    }

    @PostMapping("/api/v1/posts/{id}/notes")
    @Operation(operationId = "writeNote", responses = {@ApiResponse(responseCode = "201", description = "Written; Location is the note"),
                    @ApiResponse(responseCode = "409", description = "You wrote a note on this post already")}, summary = "Write a note (TL2+ with enough rating history): classification misleading or not-misleading, "
            + "text with at least one source link")
    ResponseEntity<NoteJson> write(Account me, @PathVariable long id, @RequestBody WriteJson body) {
        String classification = body.classification() == null ? "" : body.classification();
        if (!classification.equals("misleading") && !classification.equals("not-misleading")) {
            throw InvalidInput.of("classification", "notes.classification-unknown");
        }
        Note note = notes.write(me, id, classification.equals("misleading"), body.body());
        return ResponseEntity.created(URI.create("/api/v1/notes/" + note.id())).body(NoteJson.of(notes.note(note.id(), me)));
    }

    @GetMapping("/api/v1/notes/{id}")
    @Operation(operationId = "getNote", summary = "One note, if you may read its post and see it")
    NoteJson one(@PathVariable long id, Viewer viewer) {
        Account me = accounts.of(viewer).orElse(null);
        return NoteJson.of(notes.note(id, me));
    }

    @PostMapping("/api/v1/notes/{id}/ratings")
    @Operation(operationId = "rateNote", summary = "Rate a note (TL1+, not your own): helpful, somewhat or not-helpful, with reason tags")
    NoteJson rate(Account me, @PathVariable long id, @RequestBody RatingJson body) {
        notes.rate(me, id, Helpfulness.parse(body.helpfulness()), body.tags());
        return NoteJson.of(notes.note(id, me));
    }

    @GetMapping("/api/v1/notes/needs-ratings")
    @Operation(operationId = "listNotesNeedingRatings", summary = "Notes waiting for ratings that you may rate (TL1+), those lacking ratings from your side of the "
            + "scoring factor first; the next page, if any, is in the Link header (rel=\"next\")")
    ResponseEntity<List<NoteJson>> needingRatings(Account me, @RequestParam(defaultValue = "") String after) {
        NoteService.RatingQueue queue = notes.needingRatings(me, after, 50);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (queue.next() != null) {
            ok.header(org.springframework.http.HttpHeaders.LINK,
                    "</api/v1/notes/needs-ratings?after=" + queue.next() + ">; rel=\"next\"");
        }
        return ok.body(queue.notes().stream().map(NoteJson::of).toList());
    }

    @GetMapping("/api/v1/notes/export")
    @Operation(operationId = "listNoteExports", summary = "Days of the anonymised export, newest first, with their files (TSV and JSON)")
    List<ExportJson> exports() {
        return export.days().stream().map(day -> new ExportJson(day, "/notes/export/" + day + "/notes.tsv",
                "/notes/export/" + day + "/ratings.tsv", "/notes/export/" + day + "/notes.json",
                "/notes/export/" + day + "/ratings.json")).toList();
    }

    /** One day of the export: the paths of its files. */
    @Schema(name = "NoteExport")
    record ExportJson(String day, String notesTsv, String ratingsTsv, String notesJson, String ratingsJson) {
    }

    @PostMapping("/api/v1/notes/scoring")
    @Operation(operationId = "runNoteScoring", summary = "Run the scorer now (administrators)")
    NoteScoring.Run score(Account me) {
        if (!me.isAdmin()) {
            throw new Forbidden("notes.admins-only");
        }
        return scoring.run();
    }
}
