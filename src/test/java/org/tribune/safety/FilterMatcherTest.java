package org.tribune.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Whole words and phrases, accents and case folded, in French and English; a hiding filter wins over a warning. */
class FilterMatcherTest {

    private static WordFilter filter(String phrase, WordFilter.Action action) {
        return new WordFilter(1, 1, phrase, Set.of(WordFilter.Context.HOME), action, null, Instant.EPOCH);
    }

    private static FilterMatcher matcher(WordFilter... filters) {
        return new FilterMatcher(List.of(filters));
    }

    @Test
    void matchesWholeWordsOnly() {
        FilterMatcher m = matcher(filter("cat", WordFilter.Action.HIDE));
        assertThat(m.match("A cat sat")).isNotNull();
        assertThat(m.match("cat.")).isNotNull();
        assertThat(m.match("(cat)")).isNotNull();
        assertThat(m.match("concatenate")).isNull();
        assertThat(m.match("cats")).isNull();
        assertThat(m.match("category")).isNull();
    }

    @Test
    void foldsAccentsAndCaseBothWays() {
        FilterMatcher election = matcher(filter("élection", WordFilter.Action.WARN));
        assertThat(election.match("Les ÉLECTIONS approchent")).isNull(); // a different word
        assertThat(election.match("L'Election de dimanche")).isNotNull();
        assertThat(election.match("l’élection")).isNotNull();
        FilterMatcher plain = matcher(filter("ete", WordFilter.Action.WARN));
        assertThat(plain.match("Cet Été-là")).isNotNull();
        assertThat(matcher(filter("coeur", WordFilter.Action.WARN)).match("de tout cœur")).isNotNull();
    }

    @Test
    void phrasesMatchAcrossAnySpacing() {
        FilterMatcher m = matcher(filter("game of  thrones", WordFilter.Action.WARN));
        assertThat(m.match("I watched Game\nof Thrones")).isNotNull();
        assertThat(m.match("game of throne")).isNull();
        assertThat(m.match("game thrones")).isNull();
    }

    @Test
    void aHidingFilterWinsOverAWarningWhateverTheOrder() {
        FilterMatcher m = matcher(filter("spoiler", WordFilter.Action.WARN), filter("finale", WordFilter.Action.HIDE));
        assertThat(m.match("spoiler: the finale").action()).isEqualTo(WordFilter.Action.HIDE);
        assertThat(m.match("a spoiler", "nothing").action()).isEqualTo(WordFilter.Action.WARN);
        assertThat(m.match("nothing", "the Finale").phrase()).isEqualTo("finale");
    }

    @Test
    void specialCharactersInAPhraseAreTakenLiterally() {
        FilterMatcher m = matcher(filter("c++ (lang)", WordFilter.Action.HIDE));
        assertThat(m.match("I like c++ (lang) a lot")).isNotNull();
        assertThat(m.match("I like cxx lang")).isNull();
        assertThat(FilterMatcher.NONE.match("anything")).isNull();
        assertThat(m.match((String) null)).isNull();
    }

    @Test
    void theQuickFoldOfLatinTextIsTheFullFold() {
        // Latin, accented Latin, combining marks, the typographic apostrophe, ligatures, Greek (a final sigma), Turkish
        // dotted capitals, emoji (surrogate pairs), CJK: every mixture must fold exactly as the full fold does.
        String alphabet = "aZé\u00c9\u00e7\u0152\u0153\u00e6\u00c6\u2019'-_ 09\u0130\u0131\u00df\u01c4\u0301\u0327\u03a3\u03c3"
                + "\u00a0\u2028\ud83d\ude00\u4e2d\u00ff\u0178\u024f\u0250";
        java.util.Random random = new java.util.Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(FilterMatcher.fold(text.toString())).as("fold of %s", text).isEqualTo(FilterMatcher.fullFold(text.toString()));
        }
        for (char c = 0; c < 0x300; c++) {
            String one = "x" + c + "y";
            assertThat(FilterMatcher.fold(one)).isEqualTo(FilterMatcher.fullFold(one));
        }
    }

    /**
     * The matcher against the rule it implements, written the plain way: each filter's own pattern over the folded text,
     * in the first text with a hiding match the leftmost hiding filter (the first in order at a tie), otherwise in the
     * first text with a warning match the leftmost warning one.
     */
    private static WordFilter byTheRule(List<WordFilter> filters, String... texts) {
        List<WordFilter> ordered = new java.util.ArrayList<>(filters.stream().filter(f -> f.action() == WordFilter.Action.HIDE).toList());
        ordered.addAll(filters.stream().filter(f -> f.action() == WordFilter.Action.WARN).toList());
        WordFilter warning = null;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String folded = FilterMatcher.fullFold(text);
            WordFilter hide = null;
            WordFilter warn = null;
            int hideAt = Integer.MAX_VALUE;
            int warnAt = Integer.MAX_VALUE;
            for (WordFilter f : ordered) {
                String[] parts = FilterMatcher.fullFold(f.phrase()).strip().split("\\s+");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_])"
                        + String.join("\\s+", java.util.Arrays.stream(parts).map(java.util.regex.Pattern::quote).toList())
                        + "(?![\\p{L}\\p{N}_])").matcher(folded);
                if (!m.find()) {
                    continue;
                }
                if (f.action() == WordFilter.Action.HIDE && m.start() < hideAt) {
                    hideAt = m.start();
                    hide = f;
                } else if (f.action() == WordFilter.Action.WARN && m.start() < warnAt) {
                    warnAt = m.start();
                    warn = f;
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

    @Test
    void whatTheMatcherFindsIsWhatTheRuleSays() {
        String[] words = {"cat", "cats", "Été", "ete", "c++", "game", "of", "thrones", "élection", "ELECTION", "x_y", "2024",
                "cœur", "coeur", "naïve", "l’été", "don't", "é", "ß", "Σ"};
        String[] gaps = {" ", "  ", ", ", "-", "'", "’", "\n", ".", "(", ")", "_", ""};
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 3_000; round++) {
            List<WordFilter> filters = new java.util.ArrayList<>();
            for (int i = random.nextInt(6); i >= 0; i--) {
                String phrase = random.nextInt(4) == 0 ? words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]
                        : words[random.nextInt(words.length)];
                WordFilter.Action action = random.nextBoolean() ? WordFilter.Action.HIDE : WordFilter.Action.WARN;
                filters.add(new WordFilter(i, 1, phrase, Set.of(WordFilter.Context.HOME), action, null, Instant.EPOCH));
            }
            String[] texts = new String[1 + random.nextInt(3)];
            for (int t = 0; t < texts.length; t++) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(8); i > 0; i--) {
                    text.append(words[random.nextInt(words.length)]).append(gaps[random.nextInt(gaps.length)]);
                }
                texts[t] = random.nextInt(10) == 0 ? null : text.toString();
            }
            assertThat(new FilterMatcher(filters).matching(texts)).as("%s in %s", filters, java.util.Arrays.toString(texts))
                    .isEqualTo(byTheRule(filters, texts));
        }
    }
}
