package org.tribune.post;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The words of posts and comments, for features that match a reader's word filters against what they list without
 * showing the post itself (notifications). Says nothing about who may read them: the caller has already decided.
 */
@Service
public class PostTexts {
    private final Posts posts;
    private final Comments comments;

    PostTexts(Posts posts, Comments comments) {
        this.posts = posts;
        this.comments = comments;
    }

    /** Who wrote it, and its words (some may be null). */
    public record Words(long authorId, List<String> texts) {
    }

    /** Of these live posts: title, body, content warning and link summary (deleted ones are left out). */
    public Map<Long, Words> ofPosts(Collection<Long> postIds) {
        Map<Long, Words> texts = new HashMap<>();
        if (!postIds.isEmpty()) {
            for (Post p : posts.live(postIds)) {
                texts.put(p.id(), new Words(p.authorId(), java.util.Arrays.asList(p.title(), p.body(), p.contentWarning(), p.linkSummary())));
            }
        }
        return texts;
    }

    /** Of these live comments: body and content warning (deleted ones are left out). */
    public Map<Long, Words> ofComments(Collection<Long> commentIds) {
        Map<Long, Words> texts = new HashMap<>();
        if (!commentIds.isEmpty()) {
            for (Comment c : comments.live(commentIds)) {
                texts.put(c.id(), new Words(c.authorId(), java.util.Arrays.asList(c.body(), c.contentWarning())));
            }
        }
        return texts;
    }
}
