package org.tribune.media;

import java.time.Instant;
import java.util.List;

/**
 * A stored picture. {@code id} is random and names its files; {@code widths} are the widths kept (ascending, none
 * wider than the upload); {@code webp} says whether WebP copies exist beside the JPEG ones. {@code attachedTo} is
 * null while a post's picture waits for its post. Focus coordinates are fractions of the width and height.
 */
public record Picture(String id, long ownerId, PictureUse usedFor, Long attachedTo, int position, String description,
        int width, int height, String blurhash, Double focusX, Double focusY, List<Integer> widths, boolean webp,
        long storedBytes, Instant createdAt) {

    public Picture {
        widths = List.copyOf(widths);
    }

    /** The address of one stored width in one format ({@code webp} or {@code jpg}). */
    public String url(int atWidth, String format) {
        return "/media/" + id + "/" + atWidth + "." + format;
    }

    /** The largest stored size, in the modern format when there is one. */
    public String url() {
        return url(widths.getLast(), webp ? "webp" : "jpg");
    }

    /** The smallest stored size as a JPEG, what every browser shows. */
    public String smallJpeg() {
        return url(widths.getFirst(), "jpg");
    }

    public String fallback() {
        return url(widths.getLast(), "jpg");
    }

    /** A {@code srcset} of every width in one format. */
    public String srcset(String format) {
        return String.join(", ", widths.stream().map(w -> url(w, format) + " " + w + "w").toList());
    }

    /** The tiny placeholder shown while the picture loads (decoded from the BlurHash by us). */
    public String placeholder() {
        return "/media/" + id + "/placeholder.png";
    }

    /** The height at a stored width, as the browser lays it out before loading it. */
    public int heightAt(int atWidth) {
        return Math.max(1, (int) Math.round((double) height * atWidth / width));
    }

    public boolean described() {
        return description != null && !description.isBlank();
    }

    /** The names of every stored file of this picture. */
    List<String> files() {
        List<String> names = new java.util.ArrayList<>();
        for (int w : widths) {
            names.add(id + "-" + w + ".jpg");
            if (webp) {
                names.add(id + "-" + w + ".webp");
            }
        }
        return names;
    }
}
