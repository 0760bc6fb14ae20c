package org.tribune.wiki;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.Role;
import org.tribune.group.GroupAccess;
import org.tribune.platform.NotFound;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/** Posts as wiki documents: the post table keeps the accepted revision, so feeds and the API never see another. */
@Component
class PostDocuments implements WikiKind {
    static final String KIND = "POST";

    private final PostService posts;
    private final GroupAccess groups;

    PostDocuments(PostService posts, GroupAccess groups) {
        this.posts = posts;
        this.groups = groups;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public Optional<WikiDocument> find(long postId, Account viewer) {
        Long viewerId = viewer == null ? null : viewer.id();
        Post post;
        try {
            post = posts.read(postId, viewerId);
        } catch (NotFound notFound) {
            return Optional.empty();
        }
        return Optional.of(new WikiDocument(Document.post(postId), post.title(), "/p/" + postId, post.groupId(),
                post.authorId(), post.createdAt(), content(post),
                takesPart(post.groupId(), viewer), moderates(post.groupId(), viewer)));
    }

    /** What the post holds now, warning included. */
    static Content content(Post post) {
        return new Content(post.title(), post.body(), post.linkUrl(), post.linkSummary(), post.contentWarning());
    }

    boolean takesPart(Long groupId, Account viewer) {
        if (viewer == null || !viewer.isActive()) {
            return false;
        }
        return groupId == null || groups.group(groupId).map(g -> groups.canTakePart(g, viewer)).orElse(false);
    }

    boolean moderates(Long groupId, Account viewer) {
        if (viewer == null || !viewer.isActive()) {
            return false;
        }
        return viewer.role() == Role.MODERATOR || viewer.role() == Role.ADMIN
                || (groupId != null && groups.canModerate(groupId, viewer.id()));
    }

    @Override
    public Content check(Content proposed) {
        PostService.Text text = PostService.checkText(new PostService.Text(proposed.title(), proposed.body(),
                proposed.link(), proposed.linkSummary()));
        return new Content(text.title(), text.body(), text.link(), text.linkSummary());
    }

    @Override
    public void publish(long postId, Content accepted, long editorId) {
        posts.applyAcceptedRevision(postId, editorId, new PostService.Text(accepted.title(), accepted.body(),
                accepted.link(), accepted.linkSummary()));
    }

    @Override
    public boolean linkIsOwners() {
        return true;
    }
}
