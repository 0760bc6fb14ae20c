package org.tribune.wiki;

import java.time.Instant;

/** A post recategorised: moved from one group to another, by whom and why. */
public record Move(long id, long postId, long fromGroupId, long toGroupId, long moverId, String summary, Instant movedAt) {
}
