/**
 * Community notes: context written by members under posts, rated by others, and shown only when raters who usually
 * disagree both found them helpful ({@link org.tribune.notes.NoteScorer}, after X's Community Notes). Posts show
 * Helpful notes through {@link org.tribune.post.HelpfulNotes}; a daily anonymised export lets anyone re-run the scoring.
 */
package org.tribune.notes;
