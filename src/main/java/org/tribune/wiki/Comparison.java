package org.tribune.wiki;

import java.util.ArrayList;
import java.util.List;

/** Two revisions compared field by field; only the fields that exist in either are listed. */
public record Comparison(Revision from, Revision to, List<Field> fields) {

    /** One field's two sides; {@code name} is a message key suffix (title, body, link, link-summary, content-warning). */
    public record Field(String name, WordDiff.Sides sides) {
    }

    public static List<Field> fields(Content before, Content after) {
        return fields("", before, after);
    }

    /**
     * The fields of a document of this kind: posts and group pages name them plainly; other kinds use the same
     * fields for their own ends, so their names get the kind as a prefix (e.g. {@code source_label.title}).
     */
    public static List<Field> fields(String kind, Content before, Content after) {
        String prefix = kind.isEmpty() || kind.equals(PostDocuments.KIND) || kind.equals(GroupPages.KIND) ? ""
                : kind.toLowerCase(java.util.Locale.ROOT) + ".";
        List<Field> fields = new ArrayList<>();
        add(fields, prefix + "title", before.title(), after.title());
        add(fields, prefix + "body", before.body(), after.body());
        add(fields, prefix + "link", before.link(), after.link());
        add(fields, prefix + "link-summary", before.linkSummary(), after.linkSummary());
        if (prefix.isEmpty()) {
            add(fields, "content-warning", before.contentWarning(), after.contentWarning());
        }
        return fields;
    }

    private static void add(List<Field> fields, String name, String before, String after) {
        if ((before == null || before.isEmpty()) && (after == null || after.isEmpty())) {
            return;
        }
        fields.add(new Field(name, WordDiff.compare(before, after)));
    }

    public boolean changed() {
        return fields.stream().anyMatch(f -> f.sides().changed());
    }
}
