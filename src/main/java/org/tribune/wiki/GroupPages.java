package org.tribune.wiki;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.platform.InvalidInput;

/**
 * Each group's wiki page (rules, resources, FAQ) in Markdown. The wiki owns it entirely: its text is the accepted
 * revision, so publishing has nothing more to do. It is as private as the group's posts.
 */
@Component
class GroupPages implements WikiKind {
    static final String KIND = "GROUP_PAGE";
    static final int BODY_MAX = 50_000;

    private final GroupAccess groups;
    private final Revisions revisions;
    private final PostDocuments posts;

    GroupPages(GroupAccess groups, Revisions revisions, PostDocuments posts) {
        this.groups = groups;
        this.revisions = revisions;
        this.posts = posts;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public Optional<WikiDocument> find(long groupId, Account viewer) {
        Long viewerId = viewer == null ? null : viewer.id();
        Optional<Group> group = groups.group(groupId).filter(g -> groups.canSee(g, viewerId) && groups.canRead(g, viewerId));
        if (group.isEmpty()) {
            return Optional.empty();
        }
        Group g = group.get();
        Document ref = Document.groupPage(groupId);
        Content current = revisions.head(ref).flatMap(id -> revisions.byId(ref, id))
                .map(s -> s.revision().content()).orElse(Content.ofBody(""));
        return Optional.of(new WikiDocument(ref, g.name(), "/groups/" + g.slug() + "/wiki", groupId, null, g.createdAt(),
                current, posts.takesPart(groupId, viewer), posts.moderates(groupId, viewer)));
    }

    @Override
    public Content check(Content proposed) {
        String body = proposed.body() == null ? "" : proposed.body().strip();
        if (body.length() > BODY_MAX) {
            throw InvalidInput.of("body", "wiki.page-too-long", BODY_MAX);
        }
        return Content.ofBody(body);
    }

    @Override
    public void publish(long groupId, Content accepted, long editorId) {
        // The accepted revision is the page: nothing else to update.
    }
}
