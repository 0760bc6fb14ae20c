package org.tribune.platform.personaldata;

import java.util.List;
import java.util.Map;

/** Where a feature writes a person's data during an export. */
public interface ExportWriter {

    /**
     * The records of one category: each a map of field name to a JSON-friendly value (String, Number, Boolean,
     * Instant, List, Map or null). Called once per category; an empty list still documents the category.
     */
    void records(String category, List<? extends Map<String, ?>> records);

    /** A file that belongs to the person (an uploaded image), stored in the archive under {@code media/<path>}. */
    void media(String path, byte[] content);
}
