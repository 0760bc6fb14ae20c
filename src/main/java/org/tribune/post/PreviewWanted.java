package org.tribune.post;

/**
 * A post was published or edited with a link: its preview should be fetched. Published only then, so that the many
 * posts without a link record no event publication at all.
 */
public record PreviewWanted(long postId, String url) {
}
