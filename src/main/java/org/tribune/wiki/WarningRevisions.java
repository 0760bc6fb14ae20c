package org.tribune.wiki;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tribune.post.Post;
import org.tribune.post.PostEvents;
import org.tribune.post.PostService;

/**
 * A post's content warning, changed by its author or put by a moderator, becomes a revision of the post by whoever
 * changed it, in the transaction of the change: the history and the diffs show it like any edit.
 */
@Component
class WarningRevisions {
    private final WikiService wiki;
    private final PostService posts;

    WarningRevisions(WikiService wiki, PostService posts) {
        this.wiki = wiki;
        this.posts = posts;
    }

    @EventListener
    void on(PostEvents.PostWarningChanged e) {
        Post post = posts.forModeration(e.postId()).orElse(null);
        if (post == null) {
            return;
        }
        Content after = PostDocuments.content(post);
        WikiDocument before = new WikiDocument(Document.post(post.id()), post.title(), "/p/" + post.id(), post.groupId(),
                post.authorId(), post.createdAt(), after.withWarning(e.before()), false, false);
        wiki.recordLiveChange(before, e.editorId(), after);
    }
}
