package org.tribune.post.preview;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself: OpenGraph tags first ({@code og:title}, {@code og:description},
 * {@code og:site_name}, {@code og:image}), then Twitter cards, then {@code <title>} and the meta description.
 * Texts are cleaned (no control characters, spaces collapsed) and cut to the lengths the table holds.
 *
 * @param imageUrl absolute, or null; still to be fetched through {@link SafeFetch}
 */
record PageMetadata(String title, String description, String siteName, String imageUrl) {
    static final int TITLE_MAX = 300;
    static final int DESCRIPTION_MAX = 1_000;
    static final int SITE_NAME_MAX = 100;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\\s;\"]+)");

    static PageMetadata read(byte[] html, String contentType, URI page) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(html), charset(contentType), page.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = first(meta(document, "og:title"), meta(document, "twitter:title"), document.title());
        String description = first(meta(document, "og:description"), meta(document, "description"),
                meta(document, "twitter:description"));
        String siteName = first(meta(document, "og:site_name"), siteOf(page));
        String image = imageOf(document);
        return new PageMetadata(clean(title, TITLE_MAX), clean(description, DESCRIPTION_MAX),
                clean(siteName, SITE_NAME_MAX), image);
    }

    /** The charset named by the Content-Type header, or null to let jsoup look at the page itself. */
    static String charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType == null ? "" : contentType);
        if (m.find()) {
            try {
                if (Charset.isSupported(m.group(1))) {
                    return m.group(1);
                }
            } catch (IllegalArgumentException unknown) {
                // an unknown or malformed name: detect from the page
            }
        }
        return null;
    }

    private static String meta(Document document, String name) {
        // OpenGraph uses property=, the rest name=; many pages mix them up.
        for (Element meta : document.select("meta[property][content], meta[name][content]")) {
            String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
            if (key.strip().equalsIgnoreCase(name) && !meta.attr("content").isBlank()) {
                return meta.attr("content");
            }
        }
        return null;
    }

    private static String imageOf(Document document) {
        for (Element meta : document.select("meta[content]")) {
            String key = (meta.hasAttr("property") ? meta.attr("property") : meta.attr("name")).strip().toLowerCase(Locale.ROOT);
            if (key.equals("og:image") || key.equals("og:image:url") || key.equals("og:image:secure_url")
                    || key.equals("twitter:image")) {
                String absolute = meta.absUrl("content");
                if (absolute.startsWith("http://") || absolute.startsWith("https://")) {
                    return absolute;
                }
            }
        }
        return null;
    }

    private static String siteOf(URI page) {
        String host = page.getHost();
        return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Without control, format (bidi overrides) or lone surrogate characters, spaces collapsed, at most {@code max}
     * UTF-16 units (so at most {@code max} characters in either database), cut with an ellipsis, never in a pair.
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replaceAll("\\s+", " ").replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "").strip();
        if (cleaned.length() > max) {
            int end = Character.isHighSurrogate(cleaned.charAt(max - 2)) ? max - 2 : max - 1;
            cleaned = cleaned.substring(0, end).strip() + "\u2026";
        }
        return cleaned.isEmpty() ? null : cleaned;
    }
}
