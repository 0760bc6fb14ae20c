package org.tribune.media;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A picture as the API shows it: {@code url} is its largest processed size (WebP; the same path ending in .jpg is
 * the JPEG fallback), {@code width} and {@code height} its size in pixels, {@code blurhash} a placeholder to show
 * while it loads, {@code description} its alternative text ("" when its author gave none).
 */
@Schema(name = "Media")
public record MediaJson(String id, String url, String description, int width, int height, String blurhash) {

    public static MediaJson of(Picture p) {
        return new MediaJson(p.id(), p.url(), p.description(), p.width(), p.height(), p.blurhash());
    }
}
