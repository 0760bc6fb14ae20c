package org.tribune.post;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tribune.group.GroupAccess;
import org.tribune.media.PictureAccess;
import org.tribune.media.PictureUse;
import org.tribune.platform.NotFound;

/**
 * Who may see the pictures of a post or comment: exactly those who may read it (PostService.read: its group's
 * rules, hidden posts only for their author and moderators, deleted ones nobody). Pictures of public groups' and
 * profiles' visible posts may be cached by anyone; the others only privately.
 */
@Component
class PostPictureAccess implements PictureAccess {
    private final PostService posts;
    private final GroupAccess groups;

    PostPictureAccess(PostService posts, GroupAccess groups) {
        this.posts = posts;
        this.groups = groups;
    }

    @Override
    public Optional<Decision> decide(PictureUse use, long attachedTo, Long viewerId) {
        if (use != PictureUse.POST && use != PictureUse.COMMENT) {
            return Optional.empty();
        }
        try {
            long postId = use == PictureUse.POST ? attachedTo : posts.comment(attachedTo, viewerId).postId();
            Post post = posts.read(postId, viewerId);
            boolean open = !posts.isHidden(postId)
                    && (post.groupId() == null || groups.group(post.groupId()).map(g -> g.isPublic()).orElse(false));
            return Optional.of(open ? Decision.PUBLIC : Decision.PRIVATE);
        } catch (NotFound refused) {
            return Optional.of(Decision.REFUSED);
        }
    }
}
