package org.tribune.post.preview;

import java.time.Instant;

/**
 * What Tribune shows for a link: the page's title, description and site name, and whether a picture of it is
 * served from {@link #imagePath()}. Made once per address and cached; a FAILED or REFUSED preview has no text.
 *
 * @param id random and unguessable; it changes each time the preview is fetched again, so the picture's address
 *           can be cached by browsers for ever
 * @param url the normalised address (no fragment)
 * @param title at most 300 characters, or null
 * @param description at most 1000 characters, or null
 * @param siteName at most 100 characters: the page's own name for its site, else its host name; null when not OK
 * @param imageWidth the served picture's width in pixels, 0 when there is none
 * @param imageHeight its height, 0 when there is none
 */
public record LinkPreview(String id, String url, String title, String description, String siteName,
        boolean imageAvailable, int imageWidth, int imageHeight, Instant fetchedAt, Status status) {

    /** OK: the page was read. FAILED: it could not be (error, timeout). REFUSED: our rules forbid fetching it. */
    public enum Status { OK, FAILED, REFUSED }

    /** Whether there is anything to show: a card is shown only for an OK preview. */
    public boolean isShown() {
        return status == Status.OK;
    }

    /** Our own address of the picture, or null; readers' browsers never load anything from the linked site. */
    public String imagePath() {
        return imageAvailable ? "/previews/" + id + ".jpg" : null;
    }

    /** The text of the link: the title, else the address. */
    public String linkText() {
        return title == null || title.isBlank() ? url : title;
    }
}
