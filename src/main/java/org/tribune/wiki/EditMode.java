package org.tribune.wiki;

/**
 * Who may edit a document and whether their edits go live. Set per group by its owners and moderators, overridden
 * per post by moderators.
 */
public enum EditMode {
    /** The author, and members of trust level 2+, edit; their edits go live. */
    OPEN,
    /** Edits by members below trust level 3 wait for a reviewer; reverts to an accepted revision go live. */
    REVIEW,
    /** Only the author and moderators edit. */
    LOCKED;

    static EditMode parse(String value) {
        try {
            return valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.tribune.platform.InvalidInput.of("mode", "wiki.mode-unknown");
        }
    }
}
