package org.tribune.post;

import org.tribune.account.Account;
import org.tribune.group.Group;
import org.tribune.post.preview.LinkPreview;

/**
 * A post ready to show: with its author, its group (null on a profile), whether the viewer liked it, and the preview
 * of its link when one was fetched (null otherwise). {@code hidden} is only ever true for its author and moderators
 * (nobody else gets hidden posts); {@code note} is its Helpful community note, {@code shared} the post it embeds.
 */
public record PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview,
        boolean hidden, boolean locked, PostNote note, PostItem shared) {

    public PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview) {
        this(post, author, group, likedByViewer, preview, false, false, null, null);
    }
}
