package org.tribune.wiki;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * Word-level differences between two texts, rendered side by side as escaped HTML: words only on the left are
 * wrapped in {@code <del>}, words only on the right in {@code <ins>}. Every character of both texts is escaped here;
 * nothing from a revision reaches the page unescaped.
 */
public final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

    private WordDiff() {
    }

    /** One field compared: the old side, the new side, and whether anything differs. */
    public record Sides(String beforeHtml, String afterHtml, boolean changed) {
    }

    public static Sides compare(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        Patch<String> patch = DiffUtils.diff(a, b);
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        int ia = 0;
        int ib = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int sourceAt = delta.getSource().getPosition();
            int targetAt = delta.getTarget().getPosition();
            while (ia < sourceAt) {
                left.append(escape(a.get(ia++)));
            }
            while (ib < targetAt) {
                right.append(escape(b.get(ib++)));
            }
            if (!delta.getSource().getLines().isEmpty()) {
                left.append("<del>").append(escape(String.join("", delta.getSource().getLines()))).append("</del>");
                ia += delta.getSource().size();
            }
            if (!delta.getTarget().getLines().isEmpty()) {
                right.append("<ins>").append(escape(String.join("", delta.getTarget().getLines()))).append("</ins>");
                ib += delta.getTarget().size();
            }
        }
        while (ia < a.size()) {
            left.append(escape(a.get(ia++)));
        }
        while (ib < b.size()) {
            right.append(escape(b.get(ib++)));
        }
        return new Sides(left.toString(), right.toString(), !patch.getDeltas().isEmpty());
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
