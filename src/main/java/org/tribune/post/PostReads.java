package org.tribune.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.post.preview.LinkPreviews;

/**
 * Reading many posts at once, for feeds and profiles: newest first, keyset-paginated by id, and filtered so a
 * viewer only ever gets posts they may read.
 */
@Service
public class PostReads {
    private static final int MAX_ROUNDS = 5;

    private final Posts posts;
    private final Likes likes;
    private final AccountService accounts;
    private final GroupAccess groups;
    private final LinkPreviews previews;
    private final Restrictions restrictions;
    private final ContentModerators moderators;
    private final List<HelpfulNotes> notes;
    private final List<SourceLabels> labels;

    PostReads(Posts posts, Likes likes, AccountService accounts, GroupAccess groups, LinkPreviews previews,
            Restrictions restrictions, ContentModerators moderators, List<HelpfulNotes> notes, List<SourceLabels> labels) {
        this.posts = posts;
        this.likes = likes;
        this.accounts = accounts;
        this.groups = groups;
        this.previews = previews;
        this.restrictions = restrictions;
        this.moderators = moderators;
        this.notes = notes;
        this.labels = labels;
    }

    /** Where posts come from: groups, people's profiles, and people's posts anywhere. */
    public record Sources(Set<Long> groupIds, Set<Long> profileAuthorIds, Set<Long> anyPostAuthorIds) {
        public Sources {
            groupIds = Set.copyOf(groupIds);
            profileAuthorIds = Set.copyOf(profileAuthorIds);
            anyPostAuthorIds = Set.copyOf(anyPostAuthorIds);
        }

        public boolean isEmpty() {
            return groupIds.isEmpty() && profileAuthorIds.isEmpty() && anyPostAuthorIds.isEmpty();
        }
    }

    /**
     * A page of readable posts: {@code next} is where the following page starts (the {@code before} to pass), or
     * null when the sources have nothing older. A page may hold fewer than {@code limit} posts when many in a row
     * were not for this viewer; the cursor still moves on, so nothing is skipped and paging never stops early.
     */
    public record Page(List<PostItem> items, Long next) {
    }

    /** Up to {@code limit} readable posts with ids below {@code before}, newest first. */
    public Page newest(Sources sources, long before, int limit, Long viewerId) {
        if (sources.isEmpty()) {
            return new Page(List.of(), null);
        }
        List<Post> found = new ArrayList<>();
        long cursor = before;
        boolean exhausted = false;
        for (int round = 0; round < MAX_ROUNDS && found.size() < limit; round++) {
            List<Long> ids = posts.newestIds(sources.groupIds(), sources.profileAuthorIds(), sources.anyPostAuthorIds(),
                    cursor, limit);
            if (ids.isEmpty()) {
                exhausted = true;
                break;
            }
            List<Post> batch = readable(posts.live(ids), viewerId).stream()
                    .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
            for (Post post : batch) {
                if (found.size() == limit) {
                    break;
                }
                found.add(post);
            }
            cursor = ids.getLast();
            if (ids.size() < limit && found.size() < limit) {
                exhausted = true;
            }
            if (exhausted) {
                break;
            }
        }
        Long next = found.size() == limit ? Long.valueOf(found.getLast().id()) : exhausted ? null : Long.valueOf(cursor);
        return new Page(items(found, viewerId), next);
    }

    /** These posts, as the viewer may see them, in the order given; shares carry the post they embed. */
    public List<PostItem> items(List<Post> list, Long viewerId) {
        Map<Long, Long> originals = restrictions.originals(list.stream().map(Post::id).toList());
        Map<Long, PostItem> embedded = new java.util.HashMap<>();
        if (!originals.isEmpty()) {
            List<Post> found = readable(posts.live(Set.copyOf(originals.values())), viewerId);
            Set<Long> hidden = restrictions.hiddenPosts(found.stream().map(Post::id).toList());
            itemsWithoutShares(found.stream().filter(p -> !hidden.contains(p.id())).toList(), viewerId)
                    .forEach(item -> embedded.put(item.post().id(), item));
        }
        return SourceLabels.label(labels, itemsWithoutShares(list, viewerId).stream()
                .map(item -> originals.containsKey(item.post().id())
                        ? new PostItem(item.post(), item.author(), item.group(), item.likedByViewer(), item.preview(),
                                item.hidden(), item.locked(), item.note(), embedded.get(originals.get(item.post().id())))
                        : item)
                .toList());
    }

    private List<PostItem> itemsWithoutShares(List<Post> list, Long viewerId) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> postIds = list.stream().map(Post::id).toList();
        Map<Long, Account> authors = accounts.byIds(list.stream().map(Post::authorId).distinct().toList());
        Map<Long, Group> inGroups = groups.groups(list.stream().map(Post::groupId).filter(g -> g != null).distinct().toList());
        Set<Long> liked = viewerId == null ? Set.of() : likes.likedPosts(viewerId, postIds);
        Set<Long> hidden = restrictions.hiddenPosts(postIds);
        Set<Long> locked = restrictions.locked(postIds);
        Map<Long, PostNote> helpful = new java.util.HashMap<>();
        notes.forEach(source -> helpful.putAll(source.forPosts(postIds)));
        return list.stream()
                // A frozen account's posts are hidden until it comes back; an erased one's kept posts show "former member".
                .filter(p -> authors.containsKey(p.authorId()) && authors.get(p.authorId()).state() != AccountState.CLOSING)
                .map(p -> new PostItem(p, authors.get(p.authorId()), p.groupId() == null ? null : inGroups.get(p.groupId()),
                        liked.contains(p.id()), p.linkUrl() == null ? null : previews.cached(p.linkUrl()).orElse(null),
                        hidden.contains(p.id()), locked.contains(p.id()), helpful.get(p.id()), null))
                .toList();
    }

    public PostItem item(Post post, Long viewerId) {
        return items(List.of(post), viewerId).stream().findFirst().orElseThrow(() -> new org.tribune.platform.NotFound("post"));
    }

    /** Posts by id, leaving out those the viewer may not read. */
    public List<PostItem> byIds(Collection<Long> ids, Long viewerId) {
        List<Post> found = readable(posts.live(ids), viewerId);
        return items(found.stream().sorted((a, b) -> Long.compare(b.id(), a.id())).toList(), viewerId);
    }

    /** Posts in groups the viewer may read, without hidden ones unless the viewer wrote or moderates them. */
    private List<Post> readable(List<Post> list, Long viewerId) {
        Set<Long> groupIds = Set.copyOf(list.stream().map(Post::groupId).filter(g -> g != null).toList());
        Set<Long> allowed = groups.readable(groupIds, viewerId);
        Set<Long> hidden = restrictions.hiddenPosts(list.stream().map(Post::id).toList());
        return list.stream().filter(p -> p.groupId() == null || allowed.contains(p.groupId()))
                .filter(p -> !hidden.contains(p.id()) || moderators.seesHidden(p.authorId(), p.groupId(), viewerId))
                .toList();
    }
}
