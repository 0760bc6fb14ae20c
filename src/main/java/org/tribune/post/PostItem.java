package org.tribune.post;

import org.tribune.account.Account;
import org.tribune.group.Group;
import org.tribune.post.preview.LinkPreview;

/**
 * A post ready to show: with its author, its group (null on a profile), whether the viewer liked it, and the preview
 * of its link when one was fetched (null otherwise).
 */
public record PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview) {
}
