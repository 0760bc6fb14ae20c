package org.tribune.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.web.util.HtmlUtils;
import org.tribune.platform.personaldata.ExportWriter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an export as a zip: one {@code <category>.json} per category (see docs/privacy.md for the schema), the
 * person's files under {@code media/}, and {@code index.html}, a copy for people that opens offline: one file, its
 * style inline, no script, nothing fetched from anywhere.
 */
final class ExportArchive implements ExportWriter {
    static final String CONTEXT = "https://www.w3.org/ns/activitystreams";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The words of the archive in the person's language: a category's title and how long it is kept. */
    interface Words {
        String title(String category);

        String retention(String category);

        String text(String key, Object... args);
    }

    private final ZipOutputStream zip;
    private final Words words;
    private final Instant at;
    private final Map<String, List<Map<String, Object>>> categories = new LinkedHashMap<>();
    private final List<String> media = new ArrayList<>();

    ExportArchive(OutputStream out, Words words, Instant at) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.words = words;
        this.at = at;
    }

    @Override
    public void records(String category, List<? extends Map<String, ?>> records) {
        List<Map<String, Object>> plain = new ArrayList<>();
        for (Map<String, ?> record : records) {
            plain.add(plainMap(record));
        }
        categories.merge(category, plain, (a, b) -> {
            List<Map<String, Object>> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        });
    }

    @Override
    public void media(String path, byte[] content) {
        if (!path.matches("[A-Za-z0-9._/-]{1,200}") || path.contains("..")) {
            throw new IllegalArgumentException("bad media path: " + path);
        }
        entry("media/" + path, content);
        media.add("media/" + path);
    }

    /** Writes the JSON files and the HTML copy, and closes the archive. */
    void finish() {
        for (var category : categories.entrySet()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("@context", CONTEXT);
            file.put("category", category.getKey());
            file.put("title", words.title(category.getKey()));
            file.put("retention", words.retention(category.getKey()));
            file.put("exportedAt", at.toString());
            file.put("totalItems", category.getValue().size());
            file.put("items", category.getValue());
            entry(category.getKey() + ".json", JSON.writeValueAsBytes(file));
        }
        entry("index.html", html().getBytes(StandardCharsets.UTF_8));
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Collection<String> categoryNames() {
        return categories.keySet();
    }

    private void entry(String name, byte[] content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> plainMap(Map<String, ?> record) {
        Map<String, Object> plain = new LinkedHashMap<>();
        record.forEach((k, v) -> plain.put(k, plain(v)));
        return plain;
    }

    /** JSON-friendly values: instants as ISO-8601 text in UTC, maps and lists walked. */
    private static Object plain(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(String.valueOf(k), plain(v)));
            return plain;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(ExportArchive::plain).toList();
        }
        return value;
    }

    private String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(words.text("privacy.export.archive-title"))).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}")
                .append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;")
                .append("text-align:left;vertical-align:top}th{background:#f3f3f3;width:12rem}pre{white-space:pre-wrap;margin:0}")
                .append("</style></head><body>\n<h1>").append(esc(words.text("privacy.export.archive-title"))).append("</h1>\n<p>")
                .append(esc(words.text("privacy.export.archive-intro", at.toString()))).append("</p>\n<ul>");
        for (String name : categories.keySet()) {
            h.append("<li><a href=\"#").append(esc(name)).append("\">").append(esc(words.title(name))).append("</a> (")
                    .append(categories.get(name).size()).append(")</li>");
        }
        h.append("</ul>\n");
        if (media.contains("media/avatar.jpg")) {
            h.append("<p><img src=\"media/avatar.jpg\" alt=\"\" width=\"128\" height=\"128\"></p>\n");
        }
        for (var category : categories.entrySet()) {
            h.append("<section id=\"").append(esc(category.getKey())).append("\"><h2>").append(esc(words.title(category.getKey())))
                    .append("</h2>\n<p><em>").append(esc(words.retention(category.getKey()))).append("</em> — <code>")
                    .append(esc(category.getKey())).append(".json</code></p>\n");
            if (category.getValue().isEmpty()) {
                h.append("<p>").append(esc(words.text("privacy.export.none"))).append("</p>\n");
            }
            for (Map<String, Object> record : category.getValue()) {
                h.append("<table>");
                record.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td><pre>")
                        .append(esc(v == null ? "" : v instanceof String s ? s : JSON.writeValueAsString(v)))
                        .append("</pre></td></tr>"));
                h.append("</table>\n");
            }
            h.append("</section>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
