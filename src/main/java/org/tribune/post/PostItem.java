package org.tribune.post;

import org.tribune.account.Account;
import org.tribune.group.Group;

/** A post ready to show: with its author, its group (null on a profile) and whether the viewer liked it. */
public record PostItem(Post post, Account author, Group group, boolean likedByViewer) {
}
