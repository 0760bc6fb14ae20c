package org.tribune.post;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;

/**
 * New posts and comments held by a group's filter tell nobody while they wait: neither the people they mention nor
 * the post's or the parent comment's author, since nobody but the author and the moderators may read them yet. When
 * a moderator releases one, what its publication would have told is told then, with the mentions read again from
 * the text as it is (an author may have edited it meanwhile) and only to those who may read it then. A removal
 * drops what waited, for good.
 */
@Component
class HeldNotices {
    private final Restrictions restrictions;
    private final Comments comments;
    private final PostText text;
    private final MentionAudience audience;
    private final GroupAccess groups;
    private final ApplicationEventPublisher events;

    HeldNotices(Restrictions restrictions, Comments comments, PostText text, MentionAudience audience, GroupAccess groups,
            ApplicationEventPublisher events) {
        this.restrictions = restrictions;
        this.comments = comments;
        this.text = text;
        this.audience = audience;
        this.groups = groups;
        this.events = events;
    }

    /** Shows the post again; if it was new content held by a filter, tells now whom its publication would have. */
    boolean restore(Post post) {
        boolean waited = restrictions.noticesWaitOnPost(post.id());
        if (!restrictions.restorePost(post.id())) {
            return false;
        }
        if (waited) {
            events.publishEvent(new PostEvents.HeldContentReleased(null, post.id(), post.groupId(), post.authorId(), null,
                    null, audience.of(text.render(post.body(), post.authorId()), group(post))));
        }
        return true;
    }

    /** The same for a comment: the post's author, the parent's author and the mentioned hear of it now. */
    boolean restore(Comment comment, Post post) {
        boolean waited = restrictions.noticesWaitOnComment(comment.id());
        if (!restrictions.restoreComment(comment.id())) {
            return false;
        }
        if (waited) {
            Long parentAuthor = comment.parentId() == null ? null
                    : comments.byId(comment.parentId()).filter(p -> !p.deleted()).map(Comment::authorId).orElse(null);
            events.publishEvent(new PostEvents.HeldContentReleased(comment.id(), post.id(), post.groupId(),
                    comment.authorId(), post.authorId(), parentAuthor,
                    audience.of(text.render(comment.body(), comment.authorId()), group(post))));
        }
        return true;
    }

    private Group group(Post post) {
        return post.groupId() == null ? null : groups.group(post.groupId()).orElse(null);
    }
}
