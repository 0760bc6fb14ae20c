package org.tribune.wiki;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.PatchMapping;
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
import org.tribune.post.PostReads;
import org.tribune.post.PostService;

/**
 * Revisions of posts over the API, with the same rules as the pages. Pending revisions appear only in the list of
 * revisions, to members, marked {@code PENDING}; the post itself ({@code GET /api/v1/posts/{id}}) is always the
 * accepted revision. Ids are strings.
 */
@RestController
@Tag(name = "Revisions", description = "Wiki editing of posts: history, edits, reverts and review")
class WikiApi {
    private final WikiService wiki;
    private final AccountService accounts;
    private final PostService posts;
    private final org.tribune.post.PostWarnings warnings;
    private final PostReads reads;
    private final Problems problems;

    WikiApi(WikiService wiki, AccountService accounts, PostService posts, PostReads reads, Problems problems,
            org.tribune.post.PostWarnings warnings) {
        this.warnings = warnings;
        this.wiki = wiki;
        this.accounts = accounts;
        this.posts = posts;
        this.reads = reads;
        this.problems = problems;
    }

    @Schema(name = "PostContent")
    record ContentJson(String title, String body, @Schema(nullable = true) String link, @Schema(nullable = true) String linkSummary,
            @Schema(nullable = true, description = "The content warning the post had at this revision") String contentWarning) {
        static ContentJson of(org.tribune.wiki.Content c) {
            return new ContentJson(c.title(), c.body(), c.link(), c.linkSummary(), c.contentWarning());
        }
    }

    /** {@code editor} is null for a former member. {@code status}: ACCEPTED, PENDING or REJECTED. */
    @Schema(name = "PostRevision")
    record RevisionJson(String id, int number, @Schema(nullable = true) String baseRevisionId,
            @Schema(nullable = true) String restoresRevisionId, @Schema(nullable = true) PostJson.Person editor,
            Instant createdAt, @Schema(implementation = Change.class) String change, String summary,
            @Schema(implementation = Revision.Status.class) String status, boolean current, ContentJson content) {
    }

    @Schema(name = "PostEdit")
    record EditRequest(String title, String body, String link, String linkSummary,
            @Schema(description = "Edit summary; required when the post is not yours") String summary,
            @Schema(description = "The revision you started from; on a stale base the answer is 409 with both versions") String baseRevisionId,
            @Schema(nullable = true, maxLength = 200, description = "The post's author only: the content warning the body "
                    + "is folded behind; left out or null keeps it, empty removes it. Each change is a revision of its own") String contentWarning) {
        boolean changesText() {
            return title != null || body != null || link != null || linkSummary != null;
        }
    }

    @Schema(name = "SavedPostRevision")
    record Saved(RevisionJson revision, boolean live) {
    }

    @Schema(name = "PostRevert")
    record RevertRequest(String summary) {
    }

    @GetMapping("/api/v1/posts/{id}/revisions")
    @Operation(operationId = "listPostRevisions", summary = "A post's revisions, newest first; pending and rejected ones only for members of its group. "
            + "Pass next as before= for older ones")
    Listing<RevisionJson> revisions(@PathVariable long id, @RequestParam(defaultValue = "0") int before, Viewer viewer) {
        Account me = accounts.of(viewer).orElse(null);
        WikiService.History history = wiki.history(Document.post(id), me, before);
        Map<Long, Account> people = people(history.entries().stream().map(e -> e.revision().editorId()).collect(Collectors.toSet()));
        return new Listing<>(history.entries().stream().map(e -> json(e, people)).toList(),
                history.nextBeforeSeq() == null ? null : Integer.toString(history.nextBeforeSeq()));
    }

    @PostMapping("/api/v1/posts/{id}/revisions")
    @Operation(operationId = "editPost", summary = "Edit a post: a new revision, live or waiting for review as the post's edit mode and your "
            + "trust level decide", responses = {
            @ApiResponse(responseCode = "201", description = "Saved; live tells whether readers see it now"),
            @ApiResponse(responseCode = "403", description = "You may not edit this post (mode, trust level, limits)",
                    content = @Content(mediaType = "application/problem+json")),
            @ApiResponse(responseCode = "409", description = "Stale base: the problem carries current, yours, base and "
                    + "currentRevisionId; merge and send again with baseRevisionId = currentRevisionId",
                    content = @Content(mediaType = "application/problem+json"))})
    ResponseEntity<Saved> edit(Account me, @PathVariable long id, @RequestBody EditRequest body) {
        Long base = parseId(body.baseRevisionId());
        WikiService.Saved saved = wiki.propose(me, Document.post(id), new WikiService.Proposal(
                new org.tribune.wiki.Content(body.title(), body.body(), body.link(), body.linkSummary()), body.summary(), base));
        return ResponseEntity.created(URI.create("/api/v1/posts/" + id + "/revisions"))
                .body(new Saved(json(saved.revision(), saved.live() ? Revision.Status.ACCEPTED : Revision.Status.PENDING,
                        saved.live(), me), saved.live()));
    }

    @PatchMapping("/api/v1/posts/{id}")
    @Operation(operationId = "patchPost", responses = {@ApiResponse(responseCode = "200", description = "The post as readers now see it"), @ApiResponse(responseCode = "409", description = "Stale base revision")}, summary = "Edit a post from its current revision (fields left out stay as they are); the same rules as "
            + "POST /api/v1/posts/{id}/revisions, which also protects against overwriting others' edits")
    PostJson patch(Account me, @PathVariable long id, @RequestBody EditRequest body) {
        var current = posts.read(id, me.id());
        if (body.contentWarning() != null) {
            // The warning is the author's to set directly (moderators use POST /p/{id}/warning), as a revision of its own.
            current = warnings.changeWarning(me, id, body.contentWarning());
            if (!body.changesText()) {
                return PostJson.of(reads.item(current, me.id()));
            }
        }
        wiki.propose(me, Document.post(id), new WikiService.Proposal(new org.tribune.wiki.Content(
                body.title() == null ? current.title() : body.title(), body.body() == null ? current.body() : body.body(),
                body.link() == null ? current.linkUrl() : body.link(),
                body.linkSummary() == null ? current.linkSummary() : body.linkSummary()), body.summary(), parseId(body.baseRevisionId())));
        return PostJson.of(reads.item(posts.read(id, me.id()), me.id()));
    }

    @PostMapping("/api/v1/posts/{id}/revisions/{rev}/revert")
    @Operation(operationId = "revertPost", responses = @ApiResponse(responseCode = "201", description = "Restored as a new revision"), summary = "Restore an accepted revision as a new one (\"Reverted to …\"); live at once. At most 3 "
            + "reverts of one post a person in 24 hours")
    ResponseEntity<Saved> revert(Account me, @PathVariable long id, @PathVariable long rev,
            @RequestBody(required = false) RevertRequest body) {
        WikiService.Saved saved = wiki.revert(me, Document.post(id), rev, body == null ? "" : body.summary());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Saved(json(saved.revision(), Revision.Status.ACCEPTED, true, me), true));
    }

    @PostMapping("/api/v1/posts/{id}/revisions/{rev}/accept")
    @Operation(operationId = "acceptPostRevision", responses = {@ApiResponse(responseCode = "200", description = "Done"), @ApiResponse(responseCode = "409", description = "Not pending any more")}, summary = "Accept a pending revision (trust level 3 members of the group, moderators): it goes live")
    RevisionJson accept(Account me, @PathVariable long id, @PathVariable long rev) {
        Revision accepted = wiki.accept(me, Document.post(id), rev);
        return json(accepted, Revision.Status.ACCEPTED, true, accounts.byId(accepted.editorId()).orElse(null));
    }

    @PostMapping("/api/v1/posts/{id}/revisions/{rev}/reject")
    @Operation(operationId = "rejectPostRevision", responses = {@ApiResponse(responseCode = "200", description = "Done"), @ApiResponse(responseCode = "409", description = "Not pending any more")}, summary = "Reject a pending revision (trust level 3 members of the group, moderators)")
    RevisionJson reject(Account me, @PathVariable long id, @PathVariable long rev) {
        Revision rejected = wiki.reject(me, Document.post(id), rev);
        return json(rejected, Revision.Status.REJECTED, false, accounts.byId(rejected.editorId()).orElse(null));
    }

    /** A stale base: 409 with both versions, so the client can show them and merge. */
    @ExceptionHandler(EditConflict.class)
    ResponseEntity<ProblemDetail> conflict(EditConflict e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problems.of(HttpStatus.CONFLICT, e.code(), RequestContextUtils.getLocale(request));
        ProblemDetail problem = response.getBody();
        problem.setProperty("currentRevisionId", Long.toString(e.current().id()));
        problem.setProperty("current", ContentJson.of(e.current().content()));
        problem.setProperty("yours", ContentJson.of(e.mine()));
        problem.setProperty("base", ContentJson.of(e.base()));
        return response;
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

    private Map<Long, Account> people(Set<Long> ids) {
        return accounts.byIds(List.copyOf(ids)).entrySet().stream().filter(e -> e.getValue().state() != AccountState.DELETED)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static RevisionJson json(WikiService.Entry e, Map<Long, Account> people) {
        return json(e.revision(), e.status(), e.current(), people.get(e.revision().editorId()));
    }

    private static RevisionJson json(Revision r, Revision.Status status, boolean current, Account editor) {
        return new RevisionJson(Long.toString(r.id()), r.seq(), r.baseId() == null ? null : Long.toString(r.baseId()),
                r.restoresId() == null ? null : Long.toString(r.restoresId()),
                editor == null || editor.state() == AccountState.DELETED ? null : PostJson.Person.of(editor), r.createdAt(),
                r.change().name(), r.summary(), status.name(), current, ContentJson.of(r.content()));
    }
}
