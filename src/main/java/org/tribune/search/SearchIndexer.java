package org.tribune.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tribune.account.AccountActivated;
import org.tribune.account.ProfileChanged;
import org.tribune.account.SuspendedByAdministrator;
import org.tribune.account.SuspensionLiftedByAdministrator;
import org.tribune.group.GroupEvents;
import org.tribune.post.PostEvents;

/**
 * Keeps the documents in step with posts, comments, groups and people. The listeners run in the transaction that
 * made the change, so a document commits (or rolls back) with it: none is lost between the two. This node's Lucene
 * index follows after the commit ({@link SearchIndex}); the other nodes' through the log of changes
 * ({@link FollowingSearch}). Readers are filtered
 * when they search, not here: who may read a group is decided at that time, by their current groups.
 */
@Component
class SearchIndexer {
    private final SearchIndex index;
    private final SearchDocuments documents;
    private final SearchSources sources;

    SearchIndexer(SearchIndex index, SearchDocuments documents, SearchSources sources) {
        this.index = index;
        this.documents = documents;
        this.sources = sources;
    }

    @EventListener
    void published(PostEvents.PostPublished event) {
        post(event.postId());
    }

    @EventListener
    void edited(PostEvents.PostEdited event) {
        post(event.postId());
    }

    /** The post and its comments now belong to another group, and to its readers. */
    @EventListener
    void moved(PostEvents.PostMoved event) {
        post(event.postId());
        List<Long> commentIds = documents.ofPost(event.postId()).stream()
                .filter(k -> k.kind() == SearchDocument.Kind.COMMENT).map(SearchDocument.Key::id).toList();
        index.putAll(sources.ofComments(commentIds.stream().map(sources::comment).flatMap(java.util.Optional::stream).toList()));
    }

    @EventListener
    void deleted(PostEvents.PostDeleted event) {
        index.remove(documents.ofPost(event.postId()));
    }

    @EventListener
    void commented(PostEvents.CommentAdded event) {
        commented(event.commentId());
    }

    private void commented(long commentId) {
        sources.comment(commentId).ifPresent(c -> index.putAll(sources.ofComments(List.of(c))));
    }

    /** The comment's new text replaces the old one: its old words find it no more. */
    @EventListener
    void commentEdited(PostEvents.CommentEdited event) {
        commented(event.commentId());
    }

    @EventListener
    void groupCreated(GroupEvents.GroupCreated event) {
        sources.group(event.groupId()).ifPresent(g -> index.put(SearchSources.ofGroup(g)));
    }

    /** A new name or description; a new visibility also makes its posts members-only, or open to all. */
    @EventListener
    void groupUpdated(GroupEvents.GroupUpdated event) {
        sources.group(event.groupId()).ifPresent(g -> {
            index.put(SearchSources.ofGroup(g));
            index.restrictPostsOf(g.id(), !g.isPublic());
        });
    }

    @EventListener
    void activated(AccountActivated event) {
        person(event.accountId());
    }

    @EventListener
    void profileChanged(ProfileChanged event) {
        person(event.accountId());
    }

    @EventListener
    void suspended(SuspendedByAdministrator event) {
        person(event.accountId());
    }

    @EventListener
    void suspensionLifted(SuspensionLiftedByAdministrator event) {
        person(event.accountId());
    }

    /** Indexes the live post as it now reads, or forgets it when it is gone. */
    private void post(long postId) {
        sources.post(postId).ifPresentOrElse(p -> index.put(sources.ofPost(p)),
                () -> index.remove(documents.ofPost(postId)));
    }

    /** Indexes someone by name, or forgets their name when they may not be found by it (any more). */
    private void person(long accountId) {
        sources.person(accountId).ifPresentOrElse(index::put,
                () -> index.remove(new ArrayList<>(List.of(new SearchDocument.Key(SearchDocument.Kind.PERSON, accountId)))));
    }
}
