package org.tribune.source;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.Listing;
import org.tribune.platform.web.Problems;
import org.tribune.platform.web.Viewer;
import org.tribune.post.PostJson;
import org.tribune.wiki.EditConflict;
import org.tribune.wiki.Change;
import org.tribune.wiki.Revision;
import org.tribune.wiki.WikiService;

/**
 * Source labels over the API, with the same rules as the pages: a domain's label, the directory of labelled
 * domains, and the label's revisions (list, edit, revert, accept, reject), like a post's. Ids are strings.
 */
@RestController
@Tag(name = "Sources", description = "Source labels: what kind of source a linked site is, edited like a wiki page")
class SourceApi {
    private final SourceService sources;
    private final WikiService wiki;
    private final AccountService accounts;
    private final Problems problems;

    SourceApi(SourceService sources, WikiService wiki, AccountService accounts, Problems problems) {
        this.sources = sources;
        this.wiki = wiki;
        this.accounts = accounts;
        this.problems = problems;
    }

    /**
     * {@code label} is null when the domain has none; {@code mode} is OPEN, REVIEW or LOCKED; {@code revisionId}
     * the accepted revision (null before the first edit); {@code url} the domain's page on this site.
     */
    @Schema(name = "Source")
    record SourceJson(String domain, @Schema(nullable = true) String label, @Schema(nullable = true) String labelName,
            String justification, List<String> sources, String url,
            @Schema(allowableValues = {"OPEN", "REVIEW", "LOCKED"}) String mode, @Schema(nullable = true) String revisionId,
            boolean mayEdit) {
    }

    @Schema(name = "LabelledSource")
    record DirectoryEntry(String domain, String label, String labelName, String url, Instant labelledAt) {
    }

    @Schema(name = "Labelling")
    record LabellingJson(@Schema(nullable = true) String label, String justification, List<String> sources) {
        static LabellingJson of(org.tribune.wiki.Content content) {
            Labelling l = Labelling.of(content);
            return new LabellingJson(l.label().isEmpty() ? null : l.label(), l.justification(), l.sources());
        }
    }

    /** {@code editor} is null for a former member. {@code status}: ACCEPTED, PENDING or REJECTED. */
    @Schema(name = "LabelRevision")
    record RevisionJson(String id, int number, @Schema(nullable = true) String baseRevisionId,
            @Schema(nullable = true) String restoresRevisionId, @Schema(nullable = true) PostJson.Person editor,
            Instant createdAt, @Schema(implementation = Change.class) String change, String summary,
            @Schema(implementation = Revision.Status.class) String status, boolean current, LabellingJson content) {
    }

    @Schema(name = "LabelEdit")
    record EditRequest(
            @Schema(description = "A label code from the site's list (see tribune.sources.labels); empty or null for no label") String label,
            @Schema(description = "Why the label fits; required with a label, at most 600 characters") String justification,
            @Schema(description = "Links (http or https) supporting the label, at most 5; at least one with a label") List<String> sources,
            @Schema(description = "Edit summary") String summary,
            @Schema(description = "The revision you started from; on a stale base the answer is 409 with both versions") String baseRevisionId) {
    }

    @Schema(name = "SavedLabelRevision")
    record Saved(RevisionJson revision, boolean live) {
    }

    @Schema(name = "LabelRevert")
    record RevertRequest(String summary) {
    }

    @GetMapping("/api/v1/sources")
    @Operation(operationId = "listLabelledSources", summary = "Labelled domains in alphabetical order; pass next as after= for the following page")
    Listing<DirectoryEntry> directory(@RequestParam(defaultValue = "") String after, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<SourcePage> found = sources.directory(after);
        return new Listing<>(found.stream().map(p -> new DirectoryEntry(p.domain(), p.label(), sources.labelName(p.label(), locale),
                new Domain(p.domain()).path(), p.labelledAt())).toList(),
                found.size() == SourceService.DIRECTORY_PAGE ? found.getLast().domain() : null);
    }

    @GetMapping("/api/v1/sources/{domain}")
    @Operation(operationId = "getSource", summary = "A domain's label, justification and sources. Any address or host name is accepted and answered "
            + "for its registrable domain (www.example.org → example.org); a domain nobody labelled answers label null",
            responses = {@ApiResponse(responseCode = "200", description = "The label, or label null"),
                    @ApiResponse(responseCode = "400", description = "Not the domain of a web site",
                    content = @Content(mediaType = "application/problem+json"))})
    SourceJson source(@PathVariable String domain, Viewer viewer, HttpServletRequest request) {
        SourceService.SourceView view = sources.view(domain, me(viewer));
        Labelling l = view.labelling();
        return new SourceJson(view.domain().name(), l.labelled() ? l.label() : null,
                l.labelled() ? sources.labelName(l.label(), RequestContextUtils.getLocale(request)) : null, l.justification(),
                l.sources(), view.domain().path(), view.rights().mode().name(),
                view.revisionId() == null ? null : Long.toString(view.revisionId()), view.rights().mayEdit());
    }

    @GetMapping("/api/v1/sources/{domain}/revisions")
    @Operation(operationId = "listSourceRevisions", summary = "A domain label's revisions, newest first (empty before the first edit); pending and rejected "
            + "ones only for signed-in members. Pass next as before= for older ones")
    Listing<RevisionJson> revisions(@PathVariable String domain, @RequestParam(defaultValue = "0") int before, Viewer viewer) {
        Account me = me(viewer);
        SourceService.SourceView view = sources.view(domain, me);
        if (!view.exists()) {
            return new Listing<>(List.of(), null);
        }
        WikiService.History history = wiki.history(view.ref(), me, before);
        Map<Long, Account> people = accounts.byIds(history.entries().stream().map(e -> e.revision().editorId()).distinct().toList());
        return new Listing<>(history.entries().stream()
                .map(e -> json(e.revision(), e.status(), e.current(), people.get(e.revision().editorId()))).toList(),
                history.nextBeforeSeq() == null ? null : Integer.toString(history.nextBeforeSeq()));
    }

    @PostMapping("/api/v1/sources/{domain}/revisions")
    @Operation(operationId = "editSourceLabel", summary = "Label a domain (or change or remove its label): a new revision, live or waiting for review as "
            + "the label's edit mode and your trust level decide. LOCKED by default: trust level 3 and up and moderators",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Saved; live tells whether readers see it now"),
                    @ApiResponse(responseCode = "400", description = "Unknown label, missing source, bad address, not a domain",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "403", description = "You may not edit this label (mode, trust level, limits)",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "409", description = "Stale base: the problem carries current, yours, base and "
                            + "currentRevisionId", content = @Content(mediaType = "application/problem+json"))})
    ResponseEntity<Saved> edit(Account me, @PathVariable String domain, @RequestBody EditRequest body) {
        Labelling proposed = new Labelling(body.label(), body.justification(), body.sources() == null ? List.of() : body.sources());
        WikiService.Saved saved = sources.edit(me, domain, proposed, body.summary(), parseId(body.baseRevisionId()));
        return ResponseEntity.created(URI.create("/api/v1/sources/" + SourceService.domain(domain).name() + "/revisions"))
                .body(new Saved(json(saved.revision(), saved.live() ? Revision.Status.ACCEPTED : Revision.Status.PENDING,
                        saved.live(), me), saved.live()));
    }

    @PostMapping("/api/v1/sources/{domain}/revisions/{rev}/revert")
    @Operation(operationId = "revertSourceLabel", responses = @ApiResponse(responseCode = "201", description = "Restored as a new revision"), summary = "Restore an accepted revision of the label as a new one; live at once. At most 3 reverts of one "
            + "label a person in 24 hours")
    ResponseEntity<Saved> revert(Account me, @PathVariable String domain, @PathVariable long rev,
            @RequestBody(required = false) RevertRequest body) {
        WikiService.Saved saved = wiki.revert(me, sources.existing(domain), rev, body == null ? "" : body.summary());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Saved(json(saved.revision(), Revision.Status.ACCEPTED, true, me), true));
    }

    @PostMapping("/api/v1/sources/{domain}/revisions/{rev}/accept")
    @Operation(operationId = "acceptSourceRevision", responses = {@ApiResponse(responseCode = "200", description = "Done"), @ApiResponse(responseCode = "409", description = "Not pending any more")}, summary = "Accept a pending revision of the label (trust level 3 and up, moderators): it goes live")
    RevisionJson accept(Account me, @PathVariable String domain, @PathVariable long rev) {
        Revision accepted = wiki.accept(me, sources.existing(domain), rev);
        return json(accepted, Revision.Status.ACCEPTED, true, accounts.byId(accepted.editorId()).orElse(null));
    }

    @PostMapping("/api/v1/sources/{domain}/revisions/{rev}/reject")
    @Operation(operationId = "rejectSourceRevision", responses = {@ApiResponse(responseCode = "200", description = "Done"), @ApiResponse(responseCode = "409", description = "Not pending any more")}, summary = "Reject a pending revision of the label (trust level 3 and up, moderators)")
    RevisionJson reject(Account me, @PathVariable String domain, @PathVariable long rev) {
        Revision rejected = wiki.reject(me, sources.existing(domain), rev);
        return json(rejected, Revision.Status.REJECTED, false, accounts.byId(rejected.editorId()).orElse(null));
    }

    /** A stale base: 409 with both versions, so the client can show them and merge. */
    @ExceptionHandler(EditConflict.class)
    ResponseEntity<ProblemDetail> conflict(EditConflict e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problems.of(HttpStatus.CONFLICT, e.code(), RequestContextUtils.getLocale(request));
        ProblemDetail problem = response.getBody();
        problem.setProperty("currentRevisionId", Long.toString(e.current().id()));
        problem.setProperty("current", LabellingJson.of(e.current().content()));
        problem.setProperty("yours", LabellingJson.of(e.mine()));
        problem.setProperty("base", LabellingJson.of(e.base()));
        return response;
    }

    private Account me(Viewer viewer) {
        return accounts.of(viewer).orElse(null);
    }

    private static Long parseId(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("baseRevisionId", "wiki.base-unknown");
        }
    }

    private static RevisionJson json(Revision r, Revision.Status status, boolean current, Account editor) {
        return new RevisionJson(Long.toString(r.id()), r.seq(), r.baseId() == null ? null : Long.toString(r.baseId()),
                r.restoresId() == null ? null : Long.toString(r.restoresId()),
                editor == null || editor.state() == AccountState.DELETED ? null : PostJson.Person.of(editor), r.createdAt(),
                r.change().name(), r.summary(), status.name(), current, LabellingJson.of(r.content()));
    }
}
