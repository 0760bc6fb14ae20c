package org.tribune.wiki;

/** How a revision came to be. */
public enum Change {
    /** The document's first version (for posts written before the wiki: their text as it was, by their author). */
    CREATE,
    EDIT,
    /** A copy of an earlier accepted revision ("Reverted to …"). */
    REVERT,
    /** A revert over all of one editor's latest consecutive edits. */
    ROLLBACK;

    boolean isRevert() {
        return this == REVERT || this == ROLLBACK;
    }
}
