package org.tribune.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Snippets of a hit's text with the words that matched in {@code <mark>}, everything else escaped: the same on both
 * engines, since both hand back the same documents. A word matches when its analysis (in the document's language)
 * is one of the query's terms in French or English, or, for names, when it starts with one of the query's words.
 */
final class Highlights {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Set<String> stems;
    private final List<String> prefixes;

    private Highlights(Set<String> stems, List<String> prefixes) {
        this.stems = stems;
        this.prefixes = prefixes;
    }

    static Highlights of(List<SearchQuery.Term> terms, boolean byName) {
        Set<String> stems = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (SearchQuery.Term term : terms) {
            for (Language language : Language.values()) {
                stems.addAll(Analysis.terms(language, term.text()));
            }
            if (byName) {
                String words = Analysis.nameWords(term.text());
                if (!words.isEmpty()) {
                    prefixes.addAll(List.of(words.split(" ")));
                }
            }
        }
        return new Highlights(stems, prefixes);
    }

    /** Up to about {@code max} characters of {@code text} around its first match, as safe HTML. */
    String snippet(String text, Language language, int max) {
        List<int[]> marks = new ArrayList<>();
        // Nothing past the first match's snippet is shown: a long text is analysed no further than that.
        Analysis.tokens(Analysis.of(language), text, token -> {
            if (!marks.isEmpty() && text.length() > max && token.start() > marks.getFirst()[0] + max) {
                return false;
            }
            if (stems.contains(token.term())) {
                marks.add(new int[] {token.start(), token.end()});
            }
            return true;
        });
        if (!prefixes.isEmpty()) {
            marks.addAll(prefixMarks(text));
            marks.sort((a, b) -> Integer.compare(a[0], b[0]));
        }
        int start = 0;
        int end = text.length();
        if (text.length() > max) {
            int first = marks.isEmpty() ? 0 : marks.getFirst()[0];
            start = Math.max(0, first - max / 4);
            int space = text.lastIndexOf(' ', start);
            start = start == 0 || space < 0 ? start : space + 1;
            end = Math.min(text.length(), start + max);
            int cut = text.lastIndexOf(' ', end);
            end = end == text.length() || cut <= start ? end : cut;
        }
        StringBuilder html = new StringBuilder();
        if (start > 0) {
            html.append("… ");
        }
        int at = start;
        for (int[] mark : marks) {
            if (mark[0] < at || mark[1] > end) {
                continue;
            }
            html.append(escape(text.substring(at, mark[0])));
            html.append("<mark>").append(escape(text.substring(mark[0], mark[1]))).append("</mark>");
            at = mark[1];
        }
        html.append(escape(text.substring(at, end)));
        if (end < text.length()) {
            html.append(" …");
        }
        return html.toString();
    }

    /** The HTML of plain text: only &lt; &gt; &amp; and quotes are escaped, accents stay as they are. */
    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private List<int[]> prefixMarks(String text) {
        List<int[]> marks = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String folded = Analysis.fold(word.group());
            if (prefixes.stream().anyMatch(folded::startsWith)) {
                marks.add(new int[] {word.start(), word.end()});
            }
        }
        return marks;
    }
}
