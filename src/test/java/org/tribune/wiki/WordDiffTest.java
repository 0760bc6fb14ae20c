package org.tribune.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void changedWordsAreMarkedOnEachSideAndNeighbouringChangesJoin() {
        WordDiff.Sides sides = WordDiff.compare("The river is 10 km long.", "The river is 12 km long, roughly.");
        assertThat(sides.changed()).isTrue();
        assertThat(sides.beforeHtml()).isEqualTo("The river is <del>10</del> km long.");
        assertThat(sides.afterHtml()).isEqualTo("The river is <ins>12</ins> km long<ins>, roughly</ins>.");
        WordDiff.Sides headline = WordDiff.compare("Miracle cure found", "Small study of mice");
        assertThat(headline.beforeHtml()).isEqualTo("<del>Miracle cure found</del>");
        assertThat(headline.afterHtml()).isEqualTo("<ins>Small study of mice</ins>");
    }

    @Test
    void everythingIsEscapedOnBothSides() {
        WordDiff.Sides sides = WordDiff.compare("<b>\"a\" & 'b'</b>", "<script>alert(1)</script> & b");
        String text = (sides.beforeHtml() + " " + sides.afterHtml()).replaceAll("</?(del|ins)>", "");
        assertThat(text).doesNotContain("<", ">", "\"", "'")
                .contains("&lt;script&gt;", "&amp;", "&quot;a&quot;", "&#39;b&#39;");
    }

    @Test
    void equalTextsHaveNoChangeAndEmptySidesWork() {
        assertThat(WordDiff.compare("same text", "same text").changed()).isFalse();
        assertThat(WordDiff.compare(null, "new").afterHtml()).isEqualTo("<ins>new</ins>");
        assertThat(WordDiff.compare("old", "").beforeHtml()).isEqualTo("<del>old</del>");
    }

    @Test
    void aThreeWayMergeKeepsEachSidesChangeToDifferentFieldsAndStopsOnTheSameField() {
        Content base = new Content("T", "B", null, null);
        assertThat(Content.merge(base, new Content("T2", "B", null, null), new Content("T", "B2", null, null)))
                .isEqualTo(new Content("T2", "B2", null, null));
        assertThat(Content.merge(base, new Content("T2", "B", null, null), new Content("T3", "B", null, null))).isNull();
        assertThat(Content.merge(base, new Content("T2", "B", null, null), new Content("T2", "B", null, "s")))
                .isEqualTo(new Content("T2", "B", null, "s"));
    }
}
