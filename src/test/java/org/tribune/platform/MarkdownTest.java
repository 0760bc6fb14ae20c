package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tribune.platform.web.Markdown;

class MarkdownTest {
    final Markdown markdown = new Markdown();

    @Test
    void formattingAndLinksSurvive() {
        String html = markdown.toSafeHtml("Hello **world**, see [our site](https://example.org).");
        assertThat(html).contains("<strong>world</strong>").contains("href=\"https://example.org\"")
                .contains("rel=\"nofollow noopener noreferrer ugc\"");
    }

    @Test
    void scriptsAndEventHandlersNeverGetThrough() {
        String html = markdown.toSafeHtml("<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))"
                + " <a href=\"https://e.org\" onclick=\"alert(1)\">y</a>");
        // What is left is inert text: no live tag, attribute or script URL.
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<a ")
                .doesNotContain("onerror=").doesNotContain("onclick=").doesNotContain("href=\"javascript");
        assertThat(markdown.toSafeHtml("[x](javascript:alert(1))")).doesNotContain("href=\"javascript");
    }

    @Test
    void noImageOrStyleFromAnotherSiteIsLoaded() {
        String html = markdown.toSafeHtml("![tracker](https://tracker.example/pixel.gif) <style>body{}</style>");
        assertThat(html).doesNotContain("<img").doesNotContain("<style");
    }

    @Test
    void headingsStayBelowThePageHeading() {
        assertThat(markdown.toSafeHtml("# Big")).doesNotContain("<h1");
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(markdown.toSafeHtml(null)).isEmpty();
        assertThat(markdown.toSafeHtml("   ")).isEmpty();
        assertThat(markdown.toPlainText(null, 200)).isEmpty();
    }

    @Test
    void plainTextKeepsTheWordsAndDropsTheMarks() {
        assertThat(markdown.toPlainText("Local action on **heat**, `trees` and [transport](https://example.org).\n\n"
                + "- one\n- two\n\n## Rules\nBe <b>kind</b>.", 200))
                .isEqualTo("Local action on heat, trees and transport. one two Rules Be kind.");
    }

    @Test
    void plainTextIsCutWithoutSplittingACharacter() {
        assertThat(markdown.toPlainText("ab\uD83C\uDF31cd", 3)).isEqualTo("ab\uD83C\uDF31…");
        assertThat(markdown.toPlainText("short", 200)).isEqualTo("short");
    }
}
