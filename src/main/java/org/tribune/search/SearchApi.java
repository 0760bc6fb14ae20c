package org.tribune.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.platform.web.Listing;
import org.tribune.post.PostJson;

/** Search over the API: {@code next} is the cursor of the following page. */
@RestController
@Tag(name = "Search")
class SearchApi {
    private final SearchService search;

    SearchApi(SearchService search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    @Operation(operationId = "searchPosts", summary = "Posts you may read that contain every word of q (at most 200 characters), newest first")
    Listing<PostJson> search(Account me, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long next) {
        SearchResults results = search.search(q, me.id(), next);
        return new Listing<>(results.items().stream().map(PostJson::of).toList(),
                results.next() == null ? null : Long.toString(results.next()));
    }
}
