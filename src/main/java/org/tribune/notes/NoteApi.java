package org.tribune.notes;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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

    record NoteJson(String id, String postId, String classification, String body, String bodyHtml, List<String> sources,
            String status, Instant createdAt, Instant statusAt, boolean postEditedSince, long ratings, boolean mine,
            String myRating, boolean canRate) {
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

    record WriteJson(String classification, String body) {
    }

    record RatingJson(String helpfulness, List<String> tags) {
    }

    @GetMapping("/api/v1/posts/{id}/notes")
    @Operation(summary = "The notes of a post you may see: Helpful ones; also those needing ratings if you rate (TL1+); your own")
    List<NoteJson> ofPost(@PathVariable long id, Viewer viewer) {
        Account me = accounts.of(viewer).orElse(null);
        return notes.ofPost(id, me).stream().map(NoteJson::of).toList();
    }

    @PostMapping("/api/v1/posts/{id}/notes")
    @Operation(summary = "Write a note (TL2+ with enough rating history): classification misleading or not-misleading, "
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
    @Operation(summary = "One note, if you may read its post and see it")
    NoteJson one(@PathVariable long id, Viewer viewer) {
        Account me = accounts.of(viewer).orElse(null);
        return NoteJson.of(notes.note(id, me));
    }

    @PostMapping("/api/v1/notes/{id}/ratings")
    @Operation(summary = "Rate a note (TL1+, not your own): helpful, somewhat or not-helpful, with reason tags")
    NoteJson rate(Account me, @PathVariable long id, @RequestBody RatingJson body) {
        notes.rate(me, id, Helpfulness.parse(body.helpfulness()), body.tags());
        return NoteJson.of(notes.note(id, me));
    }

    @GetMapping("/api/v1/notes/needs-ratings")
    @Operation(summary = "Notes waiting for ratings that you may rate (TL1+), those lacking ratings from your side of the "
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
    @Operation(summary = "Days of the anonymised export, newest first, with their files (TSV and JSON)")
    List<java.util.Map<String, String>> exports() {
        return export.days().stream().map(day -> java.util.Map.of("day", day,
                "notesTsv", "/notes/export/" + day + "/notes.tsv", "ratingsTsv", "/notes/export/" + day + "/ratings.tsv",
                "notesJson", "/notes/export/" + day + "/notes.json", "ratingsJson", "/notes/export/" + day + "/ratings.json"))
                .toList();
    }

    @PostMapping("/api/v1/notes/scoring")
    @Operation(summary = "Run the scorer now (administrators)")
    NoteScoring.Run score(Account me) {
        if (!me.isAdmin()) {
            throw new Forbidden("notes.admins-only");
        }
        return scoring.run();
    }
}
