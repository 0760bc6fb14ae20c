package org.tribune.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tribune.platform.InvalidInput;

/** What someone typed in the search box, checked and cut into words. */
final class SearchQuery {
    static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 8;

    private SearchQuery() {
    }

    /** The query trimmed, or an {@link InvalidInput} when it is too long; blank means "nothing asked yet". */
    static String check(String raw) {
        String query = raw == null ? "" : raw.strip();
        if (query.length() > MAX_LENGTH) {
            throw InvalidInput.of("q", "search.too-long", MAX_LENGTH);
        }
        return query;
    }

    /** Lower-case words, quotes and operators dropped, at most {@link #MAX_WORDS}. */
    static List<String> words(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[\\s\"]+"))
                .map(w -> w.startsWith("-") ? w.substring(1) : w)
                .filter(w -> !w.isBlank() && !w.equals("or"))
                .distinct().limit(MAX_WORDS).toList();
    }
}
