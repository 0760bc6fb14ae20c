package org.tribune.wiki;

import org.springframework.stereotype.Component;
import org.tribune.account.AccountService;
import org.tribune.platform.NotFound;
import org.tribune.post.Post;
import org.tribune.post.PostWiki;

/** Tells the post pages how many people edited a post and whether the viewer may, without them knowing the wiki. */
@Component
class PostHistoryLinks implements PostWiki {
    private final WikiService wiki;
    private final AccountService accounts;

    PostHistoryLinks(WikiService wiki, AccountService accounts) {
        this.wiki = wiki;
        this.accounts = accounts;
    }

    @Override
    public int editorCount(long postId) {
        return wiki.editorCount(Document.post(postId));
    }

    @Override
    public boolean mayEdit(Post post, Long viewerId) {
        if (viewerId == null) {
            return false;
        }
        try {
            return wiki.rights(Document.post(post.id()), accounts.byId(viewerId).orElse(null)).mayEdit();
        } catch (NotFound notFound) {
            return false;
        }
    }
}
