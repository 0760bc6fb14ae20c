package org.tribune.safety;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tribune.account.Account;
import org.tribune.platform.web.Listing;

/** A person's word filters over the API; another person's filter does not exist for them (404). */
@RestController
@Tag(name = "Safety")
class FilterApi {
    private final WordFilters filters;

    FilterApi(WordFilters filters) {
        this.filters = filters;
    }

    @Schema(name = "WordFilter")
    record FilterJson(String id, String phrase,
            @ArraySchema(schema = @Schema(implementation = WordFilter.Context.class)) List<String> contexts,
            @Schema(implementation = WordFilter.Action.class) String action,
            @Schema(nullable = true, description = "When the filter stops applying; null: for good") Instant until) {
        static FilterJson of(WordFilter f) {
            return new FilterJson(Long.toString(f.id()), f.phrase(), f.contexts().stream().sorted().map(Enum::name).toList(),
                    f.action().name(), f.until());
        }
    }

    @Schema(name = "WordFilterRequest", description = "On a change, fields left out or null keep their value")
    record FilterBody(@Schema(nullable = true, maxLength = WordFilter.PHRASE_MAX) String phrase,
            @ArraySchema(schema = @Schema(implementation = WordFilter.Context.class)) List<String> contexts,
            @Schema(nullable = true, allowableValues = {"HIDE", "WARN"}, description = "HIDE when left out on creation") String action,
            @Schema(nullable = true) Instant until) {
        WordFilters.Request request() {
            return new WordFilters.Request(phrase, contexts, action, until);
        }
    }

    @GetMapping("/api/v1/filters")
    @Operation(operationId = "listFilters", summary = "Your word filters, newest first, expired ones too (one page, at most 200)")
    Listing<FilterJson> list(Account me) {
        return new Listing<>(filters.of(me.id()).stream().map(FilterJson::of).toList(), null);
    }

    @PostMapping("/api/v1/filters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createFilter", summary = "Add a word filter: whole words, accents and case folded; matched against titles, bodies, link previews and content warnings",
            responses = {@ApiResponse(responseCode = "201", description = "Made"),
                    @ApiResponse(responseCode = "409", description = "You already have 200 filters")})
    FilterJson create(Account me, @RequestBody FilterBody body) {
        return FilterJson.of(filters.create(me, body.request()));
    }

    @PatchMapping("/api/v1/filters/{id}")
    @Operation(operationId = "changeFilter", summary = "Change one of your word filters")
    FilterJson change(Account me, @PathVariable long id, @RequestBody FilterBody body) {
        return FilterJson.of(filters.change(me, id, body.request()));
    }

    @DeleteMapping("/api/v1/filters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteFilter", summary = "Remove one of your word filters")
    void delete(Account me, @PathVariable long id) {
        filters.delete(me, id);
    }
}
