package org.tribune.safety;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.platform.web.Listing;

/**
 * A group's filters over the API, for its moderators: 403 to members who do not moderate, 404 to those who may not
 * read the group (a hidden group, or a private one they are not in).
 */
@RestController
@Tag(name = "Safety")
class GroupFilterApi {
    private final GroupFilters filters;

    GroupFilterApi(GroupFilters filters) {
        this.filters = filters;
    }

    @Schema(name = "GroupFilter")
    record GroupFilterJson(String id, String phrase, @Schema(implementation = GroupFilter.Action.class) String action,
            Instant createdAt) {
        static GroupFilterJson of(GroupFilter f) {
            return new GroupFilterJson(Long.toString(f.id()), f.phrase(), f.action().name(), f.createdAt());
        }
    }

    @Schema(name = "GroupFilterRequest")
    record GroupFilterBody(@Schema(maxLength = WordFilter.PHRASE_MAX) String phrase,
            @Schema(nullable = true, allowableValues = {"HOLD", "REFUSE"}, description = "HOLD when left out") String action) {
    }

    @GetMapping("/api/v1/groups/{slug}/filters")
    @Operation(operationId = "listGroupFilters", summary = "The group's filters, newest first (moderators; at most 200)")
    Listing<GroupFilterJson> list(Account me, @PathVariable String slug) {
        return new Listing<>(filters.of(me, slug).stream().map(GroupFilterJson::of).toList(), null);
    }

    @PostMapping("/api/v1/groups/{slug}/filters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createGroupFilter", summary = "Add a filter to the group (moderators): what matches is held for review or refused")
    @ApiResponse(responseCode = "201", description = "Added")
    GroupFilterJson create(Account me, @PathVariable String slug, @RequestBody GroupFilterBody body) {
        return GroupFilterJson.of(filters.add(me, slug, body.phrase(), body.action()));
    }

    @DeleteMapping("/api/v1/groups/{slug}/filters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteGroupFilter", summary = "Remove one of the group's filters (moderators)")
    void delete(Account me, @PathVariable String slug, @PathVariable long id) {
        filters.remove(me, slug, id);
    }
}
