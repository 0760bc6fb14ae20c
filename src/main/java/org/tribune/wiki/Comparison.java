package org.tribune.wiki;

import java.util.ArrayList;
import java.util.List;

/** Two revisions compared field by field; only the fields that exist in either are listed. */
public record Comparison(Revision from, Revision to, List<Field> fields) {

    /** One field's two sides; {@code name} is a message key suffix (title, body, link, link-summary). */
    public record Field(String name, WordDiff.Sides sides) {
    }

    public static List<Field> fields(Content before, Content after) {
        List<Field> fields = new ArrayList<>();
        add(fields, "title", before.title(), after.title());
        add(fields, "body", before.body(), after.body());
        add(fields, "link", before.link(), after.link());
        add(fields, "link-summary", before.linkSummary(), after.linkSummary());
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
