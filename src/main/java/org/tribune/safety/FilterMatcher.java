package org.tribune.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A viewer's filters for one context, compiled once per request: whole words or phrases, accents
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

    /** One filter, folded: a single word is found with indexOf, a phrase with its own pattern. */
    private record Compiled(WordFilter filter, String word, Pattern phrase) {
    }

    private final List<Compiled> filters;

    FilterMatcher(List<WordFilter> filters) {
        // Hiding filters first: at the same place a hide wins over a warning.
        List<WordFilter> ordered = new ArrayList<>(filters.stream().filter(f -> f.action() == WordFilter.Action.HIDE).toList());
        ordered.addAll(filters.stream().filter(f -> f.action() == WordFilter.Action.WARN).toList());
        List<Compiled> kept = new ArrayList<>();
        for (WordFilter f : ordered) {
            String words = fold(f.phrase()).strip();
            if (words.isEmpty()) {
                continue;
            }
            String[] parts = words.split("\\s+");
            kept.add(parts.length == 1 ? new Compiled(f, words, null)
                    : new Compiled(f, null, Pattern.compile("(?<![\\p{L}\\p{N}_])"
                            + String.join("\\s+", java.util.Arrays.stream(parts).map(Pattern::quote).toList())
                            + "(?![\\p{L}\\p{N}_])")));
        }
        this.filters = List.copyOf(kept);
    }

    public boolean isEmpty() {
        return filters.isEmpty();
    }

    /** The first filter these texts match (null texts are skipped), a hiding one if any; null when none. */
    public Match match(String... texts) {
        WordFilter f = matching(texts);
        return f == null ? null : new Match(f.phrase(), f.action());
    }

    /**
     * The filter behind {@link #match}: group filters need to know which one acted. In the first text where a hiding
     * filter occurs, the leftmost one; otherwise, in the first text where a warning one occurs, the leftmost one.
     * Each filter is looked for on its own (a word by indexOf), which costs far less than one pattern of many
     * alternatives tried at every place of every text (measured on the home feed: docs/benchmarks.md).
     */
    WordFilter matching(String... texts) {
        if (filters.isEmpty()) {
            return null;
        }
        WordFilter warning = null;
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            String folded = fold(text);
            int hideAt = Integer.MAX_VALUE;
            int warnAt = Integer.MAX_VALUE;
            WordFilter hide = null;
            WordFilter warn = null;
            for (Compiled c : filters) {
                boolean hides = c.filter().action() == WordFilter.Action.HIDE;
                if (!hides && warning != null) {
                    break; // warnings come last: only a hide could still change the answer
                }
                int at = c.word() != null ? wordAt(folded, c.word()) : phraseAt(folded, c.phrase());
                if (at < 0) {
                    continue;
                }
                if (hides && at < hideAt) {
                    hideAt = at;
                    hide = c.filter();
                } else if (!hides && at < warnAt) {
                    warnAt = at;
                    warn = c.filter();
                }
            }
            if (hide != null) {
                return hide;
            }
            if (warning == null) {
                warning = warn;
            }
        }
        return warning;
    }

    /** Where the word first stands alone in the text (not inside a longer word), or -1. */
    private static int wordAt(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !wordChar(text.codePointBefore(at))) && (end == text.length() || !wordChar(text.codePointAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    private static int phraseAt(String text, Pattern phrase) {
        Matcher m = phrase.matcher(text);
        return m.find() ? m.start() : -1;
    }

    /** The same characters as the pattern's {@code [\\p{L}\\p{N}_]}. */
    private static boolean wordChar(int c) {
        return Character.isLetter(c) || c == '_' || switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Lower case without accents: "Été" and "ete" read the same. Folding keeps word boundaries where they were. */
    static String fold(String text) {
        // Latin text (French and English) is folded a character at a time from a table, the same as the full fold
        // below gives; anything else takes the full fold. Every text of every entry of a filtered page is folded.
        StringBuilder folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= LATIN.length) {
                return fullFold(text);
            }
            String f = LATIN[c];
            if (folded == null) {
                if (f.length() == 1 && f.charAt(0) == c) {
                    continue;
                }
                folded = new StringBuilder(text.length()).append(text, 0, i);
            }
            folded.append(f);
        }
        return folded == null ? text : folded.toString();
    }

    /** Each Latin character (Basic Latin to Latin Extended-B) folded on its own by {@link #fullFold}. */
    private static final String[] LATIN = new String[0x250];

    static {
        for (char c = 0; c < LATIN.length; c++) {
            LATIN[c] = fullFold(String.valueOf(c));
        }
    }

    static String fullFold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace("œ", "oe").replace("æ", "ae");
    }
}
