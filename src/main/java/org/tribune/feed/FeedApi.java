package org.tribune.feed;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.group.GroupService;
import org.tribune.platform.web.Listing;
import org.tribune.platform.web.Viewer;
import org.tribune.post.PostJson;

/** Feeds over the API: newest first, {@code before} is the cursor from {@code next}. */
@RestController
@Tag(name = "Feeds")
class FeedApi {
    private final FeedService feeds;
    private final GroupService groups;
    private final AccountService accounts;

    FeedApi(FeedService feeds, GroupService groups, AccountService accounts) {
        this.feeds = feeds;
        this.groups = groups;
        this.accounts = accounts;
    }

    /**
     * Why a post is in the feed: kind OWN, IN_GROUP (name = group, target = slug), FOLLOWING (name = handle) or
     * SUGGESTED (name = group, target = slug: a recent post of an active public group, shown because the feed was quiet).
     */
    @Schema(name = "FeedReason")
    record ReasonJson(@Schema(implementation = Reason.Kind.class) String kind, @Schema(nullable = true, description = "null for OWN") String name,
            @Schema(nullable = true) String target) {
    }

    @Schema(name = "FeedEntry")
    record EntryJson(PostJson post, @Schema(nullable = true) ReasonJson reason,
            @Schema(nullable = true) org.tribune.safety.FilteredJson filtered,
            @Schema(description = "True for a suggestion: your groups and follows were quiet, so the first page of your "
                    + "home feed also shows recent posts of active public groups you are not in (reason SUGGESTED)")
            boolean suggestion) {
        static EntryJson of(FeedEntry e) {
            Reason r = e.reason();
            return new EntryJson(PostJson.of(e.item()), r == null ? null : new ReasonJson(r.kind().name(), r.name(), r.target()),
                    org.tribune.safety.FilteredJson.of(e.filtered()), r != null && r.isSuggestion());
        }
    }

    @GetMapping("/api/v1/feed")
    @Operation(operationId = "homeFeed", summary = "Your home feed, newest first, each entry with why it is there")
    Listing<EntryJson> home(Account me, @RequestParam(required = false) Long before) {
        return listing(feeds.home(me, before));
    }

    @GetMapping("/api/v1/groups/{slug}/posts")
    @Operation(operationId = "listGroupPosts", summary = "A group's posts, newest first; 404 for hidden groups, 403 for private ones, to non-members")
    Listing<EntryJson> group(@PathVariable String slug, @RequestParam(required = false) Long before, Viewer viewer) {
        Account me = accounts.of(viewer).orElse(null);
        return listing(feeds.group(groups.readable(slug, me), me == null ? null : me.id(), before));
    }

    @GetMapping("/api/v1/users/{handle}/posts")
    @Operation(operationId = "listUserPosts", summary = "A person's posts that you may read, newest first")
    Listing<EntryJson> profile(@PathVariable String handle, @RequestParam(required = false) Long before, Viewer viewer) {
        return listing(feeds.profile(feeds.person(handle, viewer == null ? null : viewer.id()), viewer == null ? null : viewer.id(), before));
    }

    private static Listing<EntryJson> listing(Feed feed) {
        List<EntryJson> items = feed.entries().stream().map(EntryJson::of).toList();
        return new Listing<>(items, feed.next() == null ? null : Long.toString(feed.next()));
    }
}
