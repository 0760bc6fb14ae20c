package org.tribune.notes;

/** Where a note stands after scoring. Only {@link #HELPFUL} notes are shown to readers. */
public enum NoteStatus {
    NEEDS_MORE_RATINGS, HELPFUL, NOT_HELPFUL;

    public boolean isFinal() {
        return this != NEEDS_MORE_RATINGS;
    }
}
