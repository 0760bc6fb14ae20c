package org.tribune.post;

/**
 * What the wiki tells the post pages, so the permalink can link to the history without the post feature knowing
 * how revisions are kept. The wiki implements it; without it, posts show no edit or history links.
 */
public interface PostWiki {

    /** How many different people wrote the post's accepted revisions after the first. */
    int editorCount(long postId);

    /** Whether the viewer may propose an edit of this post (the edit page would not refuse them). */
    boolean mayEdit(Post post, Long viewerId);
}
