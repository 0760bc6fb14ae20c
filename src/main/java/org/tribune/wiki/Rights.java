package org.tribune.wiki;

/**
 * What one person may do with one document now. {@code refusal} is the message key that says why they may not
 * edit (null when they may); {@code goesLive} whether their edits skip the review queue.
 */
public record Rights(EditMode mode, boolean mayEdit, boolean goesLive, String refusal, boolean mayReview, boolean moderates) {
    static Rights refused(EditMode mode, String refusal, boolean mayReview, boolean moderates) {
        return new Rights(mode, false, false, refusal, mayReview, moderates);
    }
}
