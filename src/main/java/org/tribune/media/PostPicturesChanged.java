package org.tribune.media;

/**
 * The pictures shown on a post changed (one attached, or one deleted): the features that keep what a post shows hear
 * it inside the change's transaction.
 */
public record PostPicturesChanged(long postId) {
}
