package org.tribune.notes;

/**
 * A note as one viewer sees it: whether they wrote it, their rating (null when none), how many ratings it has, and
 * whether they may rate it. Never who else rated it.
 */
public record NoteView(Note note, boolean mine, Helpfulness myRating, long ratings, boolean canRate) {
}
