package org.tribune.wiki;

import java.time.Instant;

/**
 * A document as its kind describes it to the wiki, for one viewer. {@code ownerId} is the author whose own document
 * this is (null when nobody owns it, as a group's page); {@code groupId} the group whose edit mode and members
 * apply (null for none); {@code viewerTakesPart} whether the viewer is an active member where the document lives
 * (any active account when it lives in no group); {@code viewerModerates} whether the viewer moderates it (the
 * group's owners and moderators, the site's moderators and administrators).
 */
public record WikiDocument(Document ref, String label, String path, Long groupId, Long ownerId, Instant createdAt,
        Content current, boolean viewerTakesPart, boolean viewerModerates) {
}
