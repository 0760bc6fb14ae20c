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
        List<int[]> chunks = chunks(a, patch);
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        int ia = 0;
        int ib = 0;
        for (int[] c : chunks) {
            ia = copy(a, ia, c[0], left);
            ib = copy(b, ib, c[2], right);
            wrap("del", a, c[0], c[1], left);
            wrap("ins", b, c[2], c[3], right);
            ia = c[1];
            ib = c[3];
        }
        copy(a, ia, a.size(), left);
        copy(b, ib, b.size(), right);
        return new Sides(left.toString(), right.toString(), !chunks.isEmpty());
    }

    /**
     * The changes as {source from, source to, target from, target to}, where changes apart only by spaces are one:
     * "<del>old words</del>" reads better than "<del>old</del> <del>words</del>".
     */
    private static List<int[]> chunks(List<String> a, Patch<String> patch) {
        List<int[]> chunks = new ArrayList<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int sa = delta.getSource().getPosition();
            int ta = delta.getTarget().getPosition();
            int[] chunk = {sa, sa + delta.getSource().size(), ta, ta + delta.getTarget().size()};
            if (!chunks.isEmpty() && onlySpaces(a, chunks.getLast()[1], sa)) {
                int[] last = chunks.getLast();
                last[1] = chunk[1];
                last[3] = chunk[3];
            } else {
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    private static boolean onlySpaces(List<String> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!tokens.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static int copy(List<String> tokens, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            out.append(escape(tokens.get(i)));
        }
        return Math.max(from, to);
    }

    private static void wrap(String tag, List<String> tokens, int from, int to, StringBuilder out) {
        if (from < to) {
            out.append('<').append(tag).append('>').append(escape(String.join("", tokens.subList(from, to))))
                    .append("</").append(tag).append('>');
        }
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
