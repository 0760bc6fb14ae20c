package org.tribune.wiki;

import java.time.Instant;

/**
 * One immutable version of a document. {@code seq} counts from 1 per document; {@code baseId} is the revision the
 * editor started from (null for the first); {@code restoresId} the revision a revert or rollback copied;
 * {@code submittedPending} says the edit waited for review when it was saved (what reviewers decided since is a
 * {@link Status}, kept apart so this row never changes).
 */
public record Revision(long id, Document document, int seq, Long baseId, long editorId, Instant createdAt, Change change,
        Long restoresId, boolean submittedPending, String summary, Content content) {

    /** Where a revision stands now. */
    public enum Status { ACCEPTED, PENDING, REJECTED }
}
