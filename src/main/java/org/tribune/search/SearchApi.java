package org.tribune.search;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.Listing;

/** Search over the API, with the same query language and the same rules as the search page (docs/search.md). */
@RestController
@Tag(name = "Search")
class SearchApi {
    private final SearchService search;

    SearchApi(SearchService search) {
        this.search = search;
    }

    /** One hit; {@code titleHtml} and {@code snippetHtml} are escaped HTML whose only tags are {@code <mark>}. */
    @Schema(name = "SearchHit")
    record HitJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"post", "comment", "group", "person"}) String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The page of the hit, from the site's root") String url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Plain text") String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The title as escaped HTML, matched words in <mark>") String titleHtml,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "An excerpt as escaped HTML, matched words in <mark>") String snippetHtml,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Plain text: author and group, a group's slug, a person's handle") String context,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
            org.tribune.safety.FilteredJson filtered) {
        static HitJson of(SearchHit hit) {
            return new HitJson(Long.toString(hit.id()), hit.type(), hit.url(), hit.title(), hit.titleHtml(),
                    hit.snippetHtml(), hit.context(), hit.createdAt(),
                    hit.filteredBy() == null ? null : new org.tribune.safety.FilteredJson(hit.filteredBy(), "WARN"));
        }
    }


    @GetMapping("/api/v1/search")
    @Operation(operationId = "search", summary = "Posts and comments, groups or people you may see that match q: words, "
            + "\"phrases\", in:group-slug, from:@handle, has:link, before:YYYY-MM-DD, after:YYYY-MM-DD (posts); by "
            + "relevance, or newest first with sort=newest; 20 a page, pass `next` back as `cursor`")
    Listing<HitJson> search(Account me,
            @Parameter(description = "The query, at most 200 characters; empty finds nothing") @RequestParam(required = false) String q,
            @Parameter(schema = @Schema(allowableValues = {"posts", "groups", "people"}, defaultValue = "posts"))
            @RequestParam(required = false) String type,
            @Parameter(description = "The `next` of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(schema = @Schema(allowableValues = {"relevance", "newest"}, defaultValue = "relevance"))
            @RequestParam(required = false) String sort) {
        SearchResults results = search.search(q, type, cursor, newest(sort), me.id());
        return new Listing<>(results.hits().stream().map(HitJson::of).toList(), results.next());
    }

    static boolean newest(String sort) {
        if (sort == null || sort.isEmpty() || sort.equals("relevance")) {
            return false;
        }
        if (sort.equals("newest")) {
            return true;
        }
        throw InvalidInput.of("sort", "search.bad-sort");
    }
}
