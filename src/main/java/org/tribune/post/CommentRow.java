package org.tribune.post;

import org.tribune.account.Account;

/** A comment placed in its thread: indented at most three levels, with what the viewer may do with it. */
public record CommentRow(Comment comment, Account author, int indent, String inReplyTo, boolean likedByViewer,
        boolean canEdit, boolean canDelete) {
}
