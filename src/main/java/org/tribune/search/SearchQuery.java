package org.tribune.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tribune.platform.InvalidInput;

/**
 * What someone typed in the search box, read by the query language both engines share: words (each must match),
 * "phrases in quotes" (their words in that order), {@code in:group-slug}, {@code from:@handle}, {@code has:link},
 * {@code before:YYYY-MM-DD} (written before that day, UTC) and {@code after:YYYY-MM-DD} (on that day or later).
 * An operator with nothing after its colon, or an unknown one, is a plain word.
 *
 * @param terms  words and phrases, at most {@link #MAX_TERMS}
 * @param group  the slug of {@code in:}, or null
 * @param author the handle of {@code from:} without its @, or null
 */
record SearchQuery(String text, List<Term> terms, String group, String author, boolean hasLink, LocalDate before,
        LocalDate after) {
    static final int MAX_LENGTH = 200;
    static final int MAX_TERMS = 8;
    private static final Pattern PART = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

    /** A word, or a phrase whose words must follow each other. */
    record Term(String text, boolean phrase) {
    }

    /** Whether there is anything to look for. */
    boolean isEmpty() {
        return terms.isEmpty() && group == null && author == null && !hasLink && before == null && after == null;
    }

    /** The query read, or an {@link InvalidInput} when it is too long or a date is not a date. */
    static SearchQuery parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw InvalidInput.of("q", "search.too-long", MAX_LENGTH);
        }
        List<Term> terms = new ArrayList<>();
        String group = null;
        String author = null;
        boolean hasLink = false;
        LocalDate before = null;
        LocalDate after = null;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            if (part.group(1) != null) {
                String phrase = part.group(1).strip();
                if (!phrase.isEmpty()) {
                    terms.add(new Term(phrase, phrase.contains(" ")));
                }
                continue;
            }
            String word = part.group(2);
            String lower = word.toLowerCase(Locale.ROOT);
            int colon = lower.indexOf(':');
            String operator = colon > 0 ? lower.substring(0, colon) : "";
            String value = colon > 0 ? word.substring(colon + 1) : "";
            if (value.isEmpty()) {
                terms.add(new Term(word, false));
                continue;
            }
            switch (operator) {
                case "in" -> group = value.toLowerCase(Locale.ROOT);
                case "from" -> author = value.startsWith("@") ? value.substring(1) : value;
                case "has" -> {
                    if (value.equalsIgnoreCase("link")) {
                        hasLink = true;
                    } else {
                        terms.add(new Term(word, false));
                    }
                }
                case "before" -> before = date("before", value);
                case "after" -> after = date("after", value);
                default -> terms.add(new Term(word, false));
            }
        }
        if (terms.size() > MAX_TERMS) {
            terms = terms.subList(0, MAX_TERMS);
        }
        return new SearchQuery(text, List.copyOf(terms), group, author, hasLink, before, after);
    }

    private static LocalDate date(String operator, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("q", "search.bad-date", operator);
        }
    }
}
