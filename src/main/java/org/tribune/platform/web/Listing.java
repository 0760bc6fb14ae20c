package org.tribune.platform.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.swagger.v3.oas.annotations.media.Schema;

/** A page of an API list: {@code {"items": [...], "next": "<cursor or null>"}}. Cursors are ids, as strings. */
public record Listing<T>(List<T> items,
        @Schema(nullable = true, description = "The cursor of the next page; null on the last one") String next) {

    /** Maps the rows; when a full page came back, the last row's id is the cursor for the next one. */
    public static <R, T> Listing<T> of(List<R> rows, int pageSize, ToLongFunction<R> id, Function<R, T> json) {
        String next = rows.size() == pageSize && !rows.isEmpty() ? Long.toString(id.applyAsLong(rows.getLast())) : null;
        return new Listing<>(rows.stream().map(json).toList(), next);
    }
}
