package org.tribune.post;

import org.tribune.account.Account;
import org.tribune.group.Group;
import org.tribune.post.preview.LinkPreview;

/**
 * A post ready to show: with its author, its group (null on a profile), whether the viewer liked it, and the preview
 * of its link when one was fetched (null otherwise). {@code hidden} is only ever true for its author and moderators
 * (nobody else gets hidden posts); {@code note} is its Helpful community note, {@code shared} the post it embeds,
 * {@code source} the community's label for the site its link points to (null when it has none).
 */
public record PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview,
        boolean hidden, boolean locked, PostNote note, PostItem shared, SourceTag source) {

    public PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview) {
        this(post, author, group, likedByViewer, preview, false, false, null, null);
    }

    public PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview,
            boolean hidden, boolean locked, PostNote note, PostItem shared) {
        this(post, author, group, likedByViewer, preview, hidden, locked, note, shared, null);
    }

    /** This item with the labels of its link's site and of its shared post's (by address, from {@link SourceLabels}). */
    PostItem withSources(java.util.Map<String, SourceTag> byLink) {
        PostItem embedded = shared == null ? null : shared.withSources(byLink);
        SourceTag tag = post.linkUrl() == null ? null : byLink.get(post.linkUrl());
        return new PostItem(post, author, group, likedByViewer, preview, hidden, locked, note, embedded, tag);
    }
}
