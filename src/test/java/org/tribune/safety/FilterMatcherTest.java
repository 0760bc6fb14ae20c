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
}
