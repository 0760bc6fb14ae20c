package org.tribune.search;

import java.util.Locale;
import java.util.Set;

import org.tribune.platform.InvalidInput;

/** The tabs of the results: what a search looks for. */
public enum SearchType {
    POSTS(Set.of(SearchDocument.Kind.POST, SearchDocument.Kind.COMMENT)),
    GROUPS(Set.of(SearchDocument.Kind.GROUP)),
    PEOPLE(Set.of(SearchDocument.Kind.PERSON));

    final Set<SearchDocument.Kind> kinds;

    SearchType(Set<SearchDocument.Kind> kinds) {
        this.kinds = kinds;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** posts (also when absent), groups or people; anything else is refused. */
    static SearchType parse(String type) {
        if (type == null || type.isBlank()) {
            return POSTS;
        }
        return switch (type) {
            case "posts" -> POSTS;
            case "groups" -> GROUPS;
            case "people" -> PEOPLE;
            default -> throw InvalidInput.of("type", "search.bad-type");
        };
    }

    /** Whether names are found by the start of their words (groups and people), besides full text. */
    boolean byName() {
        return this != POSTS;
    }
}
