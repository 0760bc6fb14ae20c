package org.tribune.post;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.group.GroupService;
import org.tribune.media.MediaJson;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.PictureUse;
import org.tribune.platform.NotFound;
import org.tribune.platform.web.Listing;
import org.tribune.platform.web.Viewer;
import org.tribune.post.PostJson.Person;
import org.tribune.safety.FilterMatcher;
import org.tribune.safety.WordFilter;
import org.tribune.safety.WordFilters;

/** Posts, comments and likes over the API, with the same rules as the pages. Ids are strings. */
@RestController
@Tag(name = "Posts")
class PostApi {
    private final PostService posts;
    private final PostReads reads;
    private final GroupService groups;
    private final AccountService accounts;
    private final MediaService media;
    private final WordFilters filters;
    private static final int COMMENT_PAGE = 100;

    PostApi(PostService posts, PostReads reads, GroupService groups, AccountService accounts, MediaService media,
            WordFilters filters) {
        this.filters = filters;
        this.media = media;
        this.posts = posts;
        this.reads = reads;
        this.groups = groups;
        this.accounts = accounts;
    }

    @Schema(name = "NewPost", description = "A post needs a body, a link or a picture")
    record DraftJson(String title, @Schema(example = "First sighting of the year: a hoopoe!") String body,
            @Schema(description = "An http(s) address; its preview is fetched by the server") String link,
            @Schema(description = "Ids of pictures you uploaded (POST /api/v1/media) and have not attached yet, in the "
                    + "order to show them; at most 4") List<String> media,
            @Schema(nullable = true, maxLength = Post.WARNING_MAX, description = "A short warning the body stays folded behind (\"violence\", \"spoilers for …\")") String contentWarning) {
        PostService.Draft draft() {
            return new PostService.Draft(title, body, link, contentWarning);
        }

        List<String> pictures() {
            return media == null ? List.of() : media;
        }
    }

    @Schema(name = "NewComment")
    record CommentRequest(@Schema(example = "Lovely!", description = "Required, except on a new comment with a picture") String body,
            @Schema(description = "The comment this one replies to (new comments only)") String parentId,
            @Schema(description = "New comments only: the id of one picture you uploaded (POST /api/v1/media) and have "
                    + "not attached yet") List<String> media,
            @Schema(nullable = true, maxLength = Post.WARNING_MAX, description = "A short warning the comment stays folded "
                    + "behind. On an edit: left out or null keeps it, empty removes it; with a warning and no body, the body stays") String contentWarning) {
    }

    @Schema(name = "Comment")
    record CommentJson(String id, String postId, @Schema(nullable = true) String parentId, int depth,
            @Schema(nullable = true, description = "null once deleted") Person author, String body, String bodyHtml,
            boolean deleted, Instant createdAt, @Schema(nullable = true) Instant editedAt, int likeCount,
            List<MediaJson> media,
            @Schema(nullable = true, description = "The content warning the comment is folded behind") String contentWarning,
            @Schema(nullable = true) org.tribune.safety.FilteredJson filtered) {
        static CommentJson of(Comment c, Account author, List<Picture> pictures) {
            return of(c, author, pictures, null);
        }

        static CommentJson of(Comment c, Account author, List<Picture> pictures, org.tribune.safety.FilterMatcher.Match filtered) {
            return new CommentJson(Long.toString(c.id()), Long.toString(c.postId()),
                    c.parentId() == null ? null : Long.toString(c.parentId()), c.depth(),
                    c.deleted() ? null : Person.of(author), c.body(), c.bodyHtml(), c.deleted(), c.createdAt(),
                    c.editedAt(), c.likeCount(), c.deleted() ? List.of() : pictures.stream().map(MediaJson::of).toList(),
                    c.contentWarning(), org.tribune.safety.FilteredJson.of(filtered));
        }
    }

    private CommentJson commentJson(Comment c, Account author) {
        return CommentJson.of(c, author, media.shownOn(PictureUse.COMMENT, List.of(c.id())).getOrDefault(c.id(), List.of()));
    }

    @PostMapping("/api/v1/groups/{slug}/posts")
    @Operation(operationId = "publishInGroup", summary = "Publish in a group (members; moderators only where the group says so)",
            responses = @ApiResponse(responseCode = "201", description = "Published; Location is the post"), requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(value = "{\"title\": \"Hoopoe\", \"body\": \"First sighting of the year!\", "
                            + "\"link\": \"https://example.org/hoopoe\"}"))))
    ResponseEntity<PostJson> publishInGroup(Account me, @PathVariable String slug, @RequestBody DraftJson body) {
        long groupId = groups.visibleTo(slug, me).id(); // publish checks that the author may post there
        return published(posts.publish(me, groupId, body.draft(), body.pictures()), me);
    }

    @PostMapping("/api/v1/posts")
    @Operation(operationId = "publishOnProfile", summary = "Publish on your own profile", responses = @ApiResponse(responseCode = "201", description = "Published; Location is the post"))
    ResponseEntity<PostJson> publishOnProfile(Account me, @RequestBody DraftJson body) {
        return published(posts.publish(me, null, body.draft(), body.pictures()), me);
    }

    /** 201 with a post just published: nothing about it needs reading back (see PostReads.justPublished). */
    private ResponseEntity<PostJson> published(Post post, Account me) {
        // A post a group's filter held is hidden from the start: read back, so that it says so.
        return created(post, posts.isHidden(post.id()) ? reads.item(post, me.id()) : reads.justPublished(post, me));
    }

    private static ResponseEntity<PostJson> created(Post post, PostItem item) {
        return ResponseEntity.created(URI.create("/api/v1/posts/" + post.id())).body(PostJson.of(item));
    }

    /** A like count after liking or unliking. */
    record Likes(int likeCount) {
    }

    @Schema(name = "NewShare")
    record ShareJson(@Schema(description = "What you say about it") String body,
            @Schema(description = "The group to share into; your profile when left out") String groupId) {
    }

    @PostMapping("/api/v1/posts/{id}/shares")
    @Operation(operationId = "sharePost", responses = @ApiResponse(responseCode = "201", description = "Published; Location is the post"), summary = "Share a public post into a group you may post in, or onto your profile (groupId left out)")
    ResponseEntity<PostJson> share(Account me, @PathVariable long id, @RequestBody ShareJson body) {
        Long groupId;
        try {
            groupId = body.groupId() == null || body.groupId().isBlank() ? null : Long.parseLong(body.groupId());
        } catch (NumberFormatException e) {
            throw org.tribune.platform.InvalidInput.of("groupId", "post.group-unknown");
        }
        Post share = posts.share(me, id, groupId, body.body());
        return created(share, reads.item(share, me.id()));
    }

    @GetMapping("/api/v1/posts/{id}")
    @Operation(operationId = "getPost", summary = "One post; 404 when it does not exist or you may not read it")
    PostJson one(@PathVariable long id, Viewer viewer) {
        Long viewerId = viewer == null ? null : viewer.id();
        // The same rules as PostService.read (group readable, hidden only to its author and moderators), in fewer queries.
        return PostJson.of(reads.byIds(List.of(id), viewerId).stream().findFirst()
                .orElseThrow(() -> new NotFound("post")));
    }

    @DeleteMapping("/api/v1/posts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deletePost", summary = "Delete a post (its author, or a moderator of its group)")
    void delete(Account me, @PathVariable long id) {
        posts.delete(me, id);
    }

    @PostMapping("/api/v1/posts/{id}/comments")
    @Operation(operationId = "commentOnPost", summary = "Comment, or reply to a comment with parentId",
            responses = @ApiResponse(responseCode = "201", description = "Published; Location is the comment"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(value = "{\"body\": \"Lovely!\"}"))))
    ResponseEntity<CommentJson> comment(Account me, @PathVariable long id, @RequestBody CommentRequest body) {
        Long parent;
        try {
            parent = body.parentId() == null || body.parentId().isBlank() ? null : Long.parseLong(body.parentId());
        } catch (NumberFormatException e) {
            throw org.tribune.platform.InvalidInput.of("parentId", "comment.parent-unknown");
        }
        Comment comment = posts.comment(me, id, body.body(), parent, body.media(), body.contentWarning());
        return ResponseEntity.created(URI.create("/api/v1/comments/" + comment.id())).body(commentJson(comment, me));
    }

    @GetMapping("/api/v1/posts/{id}/comments")
    @Operation(operationId = "listComments", summary = "Comments, oldest first; pass next as after= for more")
    Listing<CommentJson> comments(@PathVariable long id, @RequestParam(defaultValue = "0") long after, Viewer viewer) {
        Long viewerId = viewer == null ? null : viewer.id();
        List<Comment> page = posts.comments(id, viewerId, after, COMMENT_PAGE);
        // The reader's THREADS filters, as on the post's page: other people's comments a HIDE filter matches are left
        // out, WARN ones say so. The cursor comes from the page as read, so nothing after a left-out comment is skipped.
        FilterMatcher matcher = filters.filtersFor(viewerId, WordFilter.Context.THREADS);
        Map<Long, FilterMatcher.Match> matches = new java.util.HashMap<>();
        if (!matcher.isEmpty()) {
            for (Comment c : page) {
                FilterMatcher.Match match = c.deleted() || (viewerId != null && c.authorId() == viewerId) ? null
                        : matcher.match(c.body(), c.contentWarning());
                if (match != null) {
                    matches.put(c.id(), match);
                }
            }
        }
        List<Comment> shown = page.stream().filter(c -> matches.get(c.id()) == null || !matches.get(c.id()).hides()).toList();
        Map<Long, Account> authors = accounts.byIds(shown.stream().map(Comment::authorId).distinct().toList());
        Map<Long, List<Picture>> pictures = media.shownOn(PictureUse.COMMENT, shown.stream().map(Comment::id).toList());
        String next = page.size() == COMMENT_PAGE ? Long.toString(page.getLast().id()) : null;
        return new Listing<>(shown.stream().map(c -> CommentJson.of(c, authors.get(c.authorId()),
                pictures.getOrDefault(c.id(), List.of()), matches.get(c.id()))).toList(), next);
    }

    @PatchMapping("/api/v1/comments/{id}")
    @Operation(operationId = "editComment", summary = "Edit your own comment")
    CommentJson editComment(Account me, @PathVariable long id, @RequestBody CommentRequest body) {
        if (body.media() != null && !body.media().isEmpty()) {
            throw org.tribune.platform.InvalidInput.of("media", "media.not-on-edit");
        }
        return commentJson(posts.editComment(me, id, body.body(), body.contentWarning()), me);
    }

    @DeleteMapping("/api/v1/comments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteComment", summary = "Delete a comment (its author, or a moderator of its group)")
    void deleteComment(Account me, @PathVariable long id) {
        posts.deleteComment(me, id);
    }

    @PutMapping("/api/v1/posts/{id}/like")
    @Operation(operationId = "likePost", summary = "Like a post (once per person; liking again changes nothing)")
    Likes like(Account me, @PathVariable long id) {
        return new Likes(posts.like(me, id));
    }

    @DeleteMapping("/api/v1/posts/{id}/like")
    @Operation(operationId = "unlikePost", summary = "Take your like of a post back")
    Likes unlike(Account me, @PathVariable long id) {
        return new Likes(posts.unlike(me, id));
    }

    @PutMapping("/api/v1/comments/{id}/like")
    @Operation(operationId = "likeComment", summary = "Like a comment (once per person)")
    Likes likeComment(Account me, @PathVariable long id) {
        return new Likes(posts.likeComment(me, id));
    }

    @DeleteMapping("/api/v1/comments/{id}/like")
    @Operation(operationId = "unlikeComment", summary = "Take your like of a comment back")
    Likes unlikeComment(Account me, @PathVariable long id) {
        return new Likes(posts.unlikeComment(me, id));
    }

    @GetMapping("/api/v1/posts/{id}/likes")
    @Operation(operationId = "listPostLikers", summary = "Who liked a post; only for those who may read it")
    Listing<Person> likers(@PathVariable long id, @RequestParam(defaultValue = "0") long after, Viewer viewer) {
        List<Long> ids = posts.likers(id, viewer == null ? null : viewer.id(), after);
        Map<Long, Account> people = accounts.byIds(ids);
        String next = ids.size() == 100 ? Long.toString(ids.getLast()) : null;
        return new Listing<>(ids.stream().map(people::get).filter(a -> a != null).map(Person::of).toList(), next);
    }
}
