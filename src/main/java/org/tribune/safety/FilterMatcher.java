package org.tribune.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A viewer's filters for one context, compiled once per request into one pattern: whole words or phrases, accents
 * and case folded ("Élection" matches "election", "ELECTIONS" does not match "election"). A hiding filter wins over
 * a warning one. Build with {@link WordFilters#filtersFor}; {@link #NONE} matches nothing and costs nothing.
 */
public final class FilterMatcher {
    public static final FilterMatcher NONE = new FilterMatcher(List.of());
    /** Compiled once: folding runs on every text of every entry of a filtered page. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** What a text matched: the filter's phrase as its owner wrote it, and what to do. */
    public record Match(String phrase, WordFilter.Action action) {
        public boolean hides() {
            return action == WordFilter.Action.HIDE;
        }
    }

    private final List<WordFilter> filters;
    private final Pattern pattern;

    FilterMatcher(List<WordFilter> filters) {
        // Hiding filters first: the first group that matches at a place decides, and a hide must not lose to a warning.
        List<WordFilter> ordered = new ArrayList<>(filters.stream().filter(f -> f.action() == WordFilter.Action.HIDE).toList());
        ordered.addAll(filters.stream().filter(f -> f.action() == WordFilter.Action.WARN).toList());
        List<String> parts = new ArrayList<>();
        List<WordFilter> kept = new ArrayList<>();
        for (WordFilter f : ordered) {
            String words = fold(f.phrase()).strip();
            if (words.isEmpty()) {
                continue;
            }
            parts.add("(" + String.join("\\s+", java.util.Arrays.stream(words.split("\\s+")).map(Pattern::quote).toList()) + ")");
            kept.add(f);
        }
        this.filters = List.copyOf(kept);
        this.pattern = parts.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + String.join("|", parts) + ")(?![\\p{L}\\p{N}_])");
    }

    public boolean isEmpty() {
        return pattern == null;
    }

    /** The first filter these texts match (null texts are skipped), a hiding one if any; null when none. */
    public Match match(String... texts) {
        WordFilter f = matching(texts);
        return f == null ? null : new Match(f.phrase(), f.action());
    }

    /** The filter behind {@link #match}: group filters need to know which one acted. */
    WordFilter matching(String... texts) {
        if (pattern == null) {
            return null;
        }
        WordFilter warning = null;
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            Matcher m = pattern.matcher(fold(text));
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        WordFilter f = filters.get(g - 1);
                        if (f.action() == WordFilter.Action.HIDE) {
                            return f;
                        }
                        if (warning == null) {
                            warning = f;
                        }
                        break;
                    }
                }
            }
        }
        return warning;
    }

    /** Lower case without accents: "Été" and "ete" read the same. Folding keeps word boundaries where they were. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace("œ", "oe").replace("æ", "ae");
    }
}
