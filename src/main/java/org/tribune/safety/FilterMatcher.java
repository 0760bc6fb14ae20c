package org.tribune.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * One filter, folded, with its place in the order (hiding ones first): a plain word (letters and digits only) is
     * found through {@link #slotWords}, another single word with indexOf, a phrase with its own pattern.
     */
    private record Compiled(WordFilter filter, int order, String word, Pattern phrase) {
        boolean hides() {
            return filter.action() == WordFilter.Action.HIDE;
        }
    }

    private final List<Compiled> filters;
    /**
     * The filters that are one plain word (the first hiding one and the first warning one of each word), in an
     * open-addressed table by the word's {@link String#hashCode}, so that a word of the text is looked up from its
     * place in the text without being copied out of it.
     */
    private final String[] slotWords;
    private final Compiled[][] slotFilters;
    private final boolean anyPlainWord;
    /** The lengths of those words: a word of the text of another length is not looked up at all. */
    private final boolean[] plainLengths;
    /** The filters that are not one plain word, in order. */
    private final List<Compiled> others;

    FilterMatcher(List<WordFilter> filters) {
        // Hiding filters first: at the same place a hide wins over a warning.
        List<WordFilter> ordered = new ArrayList<>(filters.stream().filter(f -> f.action() == WordFilter.Action.HIDE).toList());
        ordered.addAll(filters.stream().filter(f -> f.action() == WordFilter.Action.WARN).toList());
        List<Compiled> kept = new ArrayList<>();
        Map<String, Compiled[]> plain = new HashMap<>();
        List<Compiled> rest = new ArrayList<>();
        int longest = 0;
        for (WordFilter f : ordered) {
            String words = fold(f.phrase()).strip();
            if (words.isEmpty()) {
                continue;
            }
            String[] parts = words.split("\\s+");
            Compiled c = parts.length == 1 ? new Compiled(f, kept.size(), words, null)
                    : new Compiled(f, kept.size(), null, Pattern.compile("(?<![\\p{L}\\p{N}_])"
                            + String.join("\\s+", java.util.Arrays.stream(parts).map(Pattern::quote).toList())
                            + "(?![\\p{L}\\p{N}_])"));
            kept.add(c);
            if (c.word() != null && c.word().codePoints().allMatch(FilterMatcher::wordChar)) {
                Compiled[] byAction = plain.computeIfAbsent(c.word(), w -> new Compiled[2]);
                int slot = c.hides() ? 0 : 1;
                if (byAction[slot] == null) {
                    byAction[slot] = c;
                }
                longest = Math.max(longest, c.word().length());
            } else {
                rest.add(c);
            }
        }
        this.filters = List.copyOf(kept);
        int slots = Integer.highestOneBit(Math.max(1, plain.size()) * 4);
        this.slotWords = new String[slots];
        this.slotFilters = new Compiled[slots][];
        plain.forEach((word, byAction) -> {
            int slot = spread(word.hashCode()) & (slots - 1);
            while (slotWords[slot] != null) {
                slot = (slot + 1) & (slots - 1);
            }
            slotWords[slot] = word;
            slotFilters[slot] = byAction;
        });
        this.anyPlainWord = !plain.isEmpty();
        this.plainLengths = new boolean[longest + 1];
        plain.keySet().forEach(w -> plainLengths[w.length()] = true);
        this.others = List.copyOf(rest);
    }

    public boolean isEmpty() {
        return filters.isEmpty();
    }

    /** The first filter these texts match (null texts are skipped), a hiding one if any; null when none. */
    public Match match(String... texts) {
        WordFilter f = matching(texts);
        return f == null ? null : new Match(f.phrase(), f.action());
    }

    /** What one text matched: the leftmost hiding filter and the leftmost warning one (the first in order at a tie). */
    private static final class Found {
        int hideAt = Integer.MAX_VALUE;
        Compiled hide;
        int warnAt = Integer.MAX_VALUE;
        Compiled warn;

        void offer(Compiled c, int at) {
            if (c.hides()) {
                if (at < hideAt || (at == hideAt && c.order() < hide.order())) {
                    hideAt = at;
                    hide = c;
                }
            } else if (at < warnAt || (at == warnAt && c.order() < warn.order())) {
                warnAt = at;
                warn = c;
            }
        }
    }

    /**
     * The filter behind {@link #match}: group filters need to know which one acted. In the first text where a hiding
     * filter occurs, the leftmost one; otherwise, in the first text where a warning one occurs, the leftmost one.
     * The text's words are walked once and each looked up among the plain-word filters; the few other filters are
     * looked for on their own. Both cost far less than one pattern of many alternatives tried at every place of every
     * text, or than each word looked for through the whole text (measured on the home feed: docs/benchmarks.md).
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
            Found found = new Found();
            boolean warningsCount = warning == null; // once a warning is found, only a hide could change the answer
            if (anyPlainWord) {
                plainWordsIn(folded, found, warningsCount);
            }
            for (Compiled c : others) {
                if (!c.hides() && !warningsCount) {
                    break; // warnings come last
                }
                int at = c.word() != null ? wordAt(folded, c.word()) : phraseAt(folded, c.phrase());
                if (at >= 0) {
                    found.offer(c, at);
                }
            }
            if (found.hide != null) {
                return found.hide.filter();
            }
            if (warning == null && found.warn != null) {
                warning = found.warn.filter();
            }
        }
        return warning;
    }

    /** The filters of the plain word that stands in the text at {@code start}, or null. */
    private Compiled[] plainWordAt(String text, int start, int size) {
        int hash = 0;
        for (int k = start; k < start + size; k++) {
            hash = 31 * hash + text.charAt(k); // as String.hashCode
        }
        int mask = slotWords.length - 1;
        for (int slot = spread(hash) & mask; slotWords[slot] != null; slot = (slot + 1) & mask) {
            String word = slotWords[slot];
            if (word.length() == size && text.regionMatches(start, word, 0, size)) {
                return slotFilters[slot];
            }
        }
        return null;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Each word of the text (a longest run of letters, digits and underscores) that is a plain-word filter. */
    private void plainWordsIn(String text, Found found, boolean warningsCount) {
        int i = 0;
        int length = text.length();
        while (i < length) {
            int c = text.codePointAt(i);
            if (!wordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            do {
                i += Character.charCount(c);
            } while (i < length && wordChar(c = text.codePointAt(i)));
            int size = i - start;
            if (size < plainLengths.length && plainLengths[size]) {
                Compiled[] byAction = plainWordAt(text, start, size);
                if (byAction != null) {
                    if (byAction[0] != null) {
                        found.offer(byAction[0], start);
                    }
                    if (byAction[1] != null && warningsCount) {
                        found.offer(byAction[1], start);
                    }
                    if (found.hide != null) {
                        return; // the leftmost hiding word: nothing further right can change the answer
                    }
                }
            }
        }
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
        if (c < ASCII_WORD.length) {
            return ASCII_WORD[c];
        }
        return slowWordChar(c);
    }

    /** {@link #wordChar} for the first 128 characters, looked up. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (int c = 0; c < ASCII_WORD.length; c++) {
            ASCII_WORD[c] = slowWordChar(c);
        }
    }

    private static boolean slowWordChar(int c) {
        return Character.isLetter(c) || c == '_' || switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Lower case without accents: "Été" and "ete" read the same. Folding keeps word boundaries where they were. */
    static String fold(String text) {
        // Latin text (French and English) is folded a character at a time from a table, the same as the full fold
        // below gives; anything else takes the full fold. Every text of every entry of a filtered page is folded.
        char[] folded = null;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= LATIN_ONE.length) {
                return fullFold(text);
            }
            char one = LATIN_ONE[c];
            if (folded == null) {
                if (one == c) {
                    continue;
                }
                folded = new char[text.length() * 2];
                text.getChars(0, i, folded, 0);
                length = i;
            }
            if (one != NOT_ONE) {
                folded[length++] = one;
            } else {
                String many = LATIN[c];
                if (length + many.length() > folded.length) {
                    folded = java.util.Arrays.copyOf(folded, folded.length * 2 + many.length());
                }
                many.getChars(0, many.length(), folded, length);
                length += many.length();
            }
        }
        return folded == null ? text : new String(folded, 0, length);
    }

    /** Each Latin character (Basic Latin to Latin Extended-B) folded on its own by {@link #fullFold}. */
    private static final String[] LATIN = new String[0x250];
    /** The same when it folds to one character; {@link #NOT_ONE} when it folds to none or several (œ: "oe"). */
    private static final char[] LATIN_ONE = new char[0x250];
    private static final char NOT_ONE = '\uffff';

    static {
        for (char c = 0; c < LATIN.length; c++) {
            LATIN[c] = fullFold(String.valueOf(c));
            LATIN_ONE[c] = LATIN[c].length() == 1 ? LATIN[c].charAt(0) : NOT_ONE;
        }
    }

    static String fullFold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace("œ", "oe").replace("æ", "ae");
    }
}
