package org.tribune.media;

import java.util.Optional;

/**
 * Implemented by each feature that shows pictures (posts, accounts, groups), so that every request for a picture is
 * checked against the rules of what it shows on, without this feature reading their tables.
 */
public interface PictureAccess {

    /** Who may see a picture: anyone (cacheable by anyone), only some readers (private caching only), or not this viewer. */
    enum Decision { PUBLIC, PRIVATE, REFUSED }

    /**
     * The decision for a viewer (null for a visitor) about a picture shown on {@code attachedTo}, or empty when this
     * implementation does not answer for {@code use}.
     */
    Optional<Decision> decide(PictureUse use, long attachedTo, Long viewerId);
}
