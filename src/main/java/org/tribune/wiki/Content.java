package org.tribune.wiki;

import java.util.Objects;

/**
 * What a revision holds. Posts use all five fields; a group's wiki page only {@code body}; other kinds use what
 * they need and leave the rest empty ({@code ""} for text, null for the link fields and the warning). A post's
 * {@code contentWarning} changes only through its own doors (its author, a moderator), each change a revision of its
 * own: edits, reverts and rollbacks keep the warning the post has (see {@link #withWarning}).
 */
public record Content(String title, String body, String link, String linkSummary, String contentWarning) {
    public Content {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    /** Content with no warning. */
    public Content(String title, String body, String link, String linkSummary) {
        this(title, body, link, linkSummary, null);
    }

    public static Content ofBody(String body) {
        return new Content("", body, null, null);
    }

    /** The same text under this warning (null: none). */
    public Content withWarning(String warning) {
        return new Content(title, body, link, linkSummary, warning);
    }

    /**
     * Three-way merge field by field: where only one side changed a field since {@code base}, its change is kept.
     * Null when both changed the same field differently, which only a person can settle.
     */
    static Content merge(Content base, Content theirs, Content mine) {
        String title = pick(base.title, theirs.title, mine.title);
        String body = pick(base.body, theirs.body, mine.body);
        String link = pick(base.link, theirs.link, mine.link);
        String summary = pick(base.linkSummary, theirs.linkSummary, mine.linkSummary);
        String warning = pick(base.contentWarning, theirs.contentWarning, mine.contentWarning);
        if (title == CLASH || body == CLASH || link == CLASH || summary == CLASH || warning == CLASH) {
            return null;
        }
        return new Content(title, body, link, summary, warning);
    }

    private static final String CLASH = new String("both changed"); // compared by identity, never shown

    private static String pick(String base, String theirs, String mine) {
        if (Objects.equals(mine, theirs) || Objects.equals(mine, base)) {
            return theirs;
        }
        return Objects.equals(theirs, base) ? mine : CLASH;
    }
}
