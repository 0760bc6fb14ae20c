package org.tribune.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.post.preview.LinkPreview;
import org.tribune.post.preview.LinkPreviews;

/**
 * Posts as a viewer sees them in a list ({@link PostReads} decides which posts): which of them the viewer may read,
 * then each as a card with its author, group, link preview, moderation, the post it shares, the viewer's like, its
 * Helpful note, its pictures and its site's label, each of those looked up once for the whole list.
 */
@Component
class PostCards {
    private final Posts posts;
    private final Likes likes;
    private final AccountService accounts;
    private final GroupAccess groups;
    private final LinkPreviews previews;
    private final PostExtras extras;
    private final ContentModerators moderators;
    private final List<SourceLabels> labels;

    PostCards(Posts posts, Likes likes, AccountService accounts, GroupAccess groups, LinkPreviews previews,
            PostExtras extras, ContentModerators moderators, List<SourceLabels> labels) {
        this.posts = posts;
        this.likes = likes;
        this.accounts = accounts;
        this.groups = groups;
        this.previews = previews;
        this.extras = extras;
        this.moderators = moderators;
        this.labels = labels;
    }

    /** These posts with their groups and extras, as found: for callers that checked who may read them. */
    List<Readable> asFound(List<Post> list) {
        Map<Long, PostExtras.Extras> found = extras.of(list.stream().map(Post::id).toList());
        Map<Long, Group> inGroups = groups.groups(list.stream().map(Post::groupId).filter(g -> g != null).distinct().toList());
        return list.stream().map(p -> new Readable(p, p.groupId() == null ? null : inGroups.get(p.groupId()), found.get(p.id())))
                .toList();
    }

    /**
     * Posts already checked as readable, with what was learnt on the way (their group, their restrictions). A share
     * of a post by someone in {@code hidden} is left out with it: a blocked person's post never reaches the viewer
     * through someone else's share.
     */
    List<PostItem> show(List<Readable> list, Long viewerId, Set<Long> hidden, PostReads.Screen screen) {
        Map<Long, PostExtras.Extras> known = HashMap.newHashMap(list.size());
        List<PostItem> undressed = undressed(list, viewerId, hidden, screen, known);
        return SourceLabels.label(labels, dressed(undressed, viewerId, known));
    }

    /**
     * What {@link #show} shows, without what depends on the viewer or changes often (likes, notes, pictures, labels).
     * {@code known} gets the extras of the posts shown and of those they share, for {@link #dressed}.
     */
    List<PostItem> undressed(List<Readable> list, Long viewerId, Set<Long> hidden, PostReads.Screen screen,
            Map<Long, PostExtras.Extras> known) {
        Map<Long, Long> originals = new HashMap<>();
        list.forEach(r -> {
            known.put(r.post().id(), r.extras());
            if (r.extras().originalId() != 0) {
                originals.put(r.post().id(), r.extras().originalId());
            }
        });
        Map<Long, PostItem> embedded = new HashMap<>();
        Set<Long> hiddenOriginals = new java.util.HashSet<>();
        if (!originals.isEmpty()) {
            List<Post> shared = posts.live(Set.copyOf(originals.values()));
            shared.stream().filter(p -> hidden.contains(p.authorId())).forEach(p -> hiddenOriginals.add(p.id()));
            List<Readable> readable = readable(shared, viewerId, hidden, false).stream().filter(r -> !r.hidden()).toList();
            readable.forEach(r -> known.put(r.post().id(), r.extras()));
            bare(readable).forEach(item -> embedded.put(item.post().id(), item));
        }
        List<Readable> kept = hiddenOriginals.isEmpty() ? list : list.stream()
                .filter(r -> !hiddenOriginals.contains(originals.get(r.post().id()))).toList();
        List<PostItem> shown = bare(kept).stream()
                .map(item -> originals.containsKey(item.post().id())
                        ? item.sharing(embedded.get(originals.get(item.post().id())))
                        : item)
                .filter(item -> !screen.leavesOut(item))
                .toList();
        return shown;
    }

    /**
     * Posts with what everyone sees of them (author, group, link preview, moderation), not yet what depends on the
     * viewer or changes often (likes, notes, pictures: {@link #dressed}). A frozen account's posts are left out until
     * it comes back; an erased one's kept posts show "former member".
     */
    private List<PostItem> bare(List<Readable> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Account> authors = accounts.byIds(list.stream().map(r -> r.post().authorId()).distinct().toList());
        Map<String, LinkPreview> linked = previews.cached(list.stream().map(r -> r.post().linkUrl()).filter(u -> u != null)
                .collect(Collectors.toSet()));
        return list.stream()
                .filter(r -> authors.containsKey(r.post().authorId()) && authors.get(r.post().authorId()).state() != AccountState.CLOSING)
                .map(r -> new PostItem(r.post(), authors.get(r.post().authorId()), r.group(), false,
                        r.post().linkUrl() == null ? null : linked.get(r.post().linkUrl()), r.hidden(), r.locked(), null, null))
                .toList();
    }

    /**
     * These items and the posts they share, with the viewer's likes, their Helpful notes and their pictures: the
     * likes in one lookup for all, the notes and pictures from the extras already {@code known} (looked up for the
     * others).
     */
    private List<PostItem> dressed(List<PostItem> items, Long viewerId, Map<Long, PostExtras.Extras> known) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Long> postIds = new ArrayList<>();
        items.forEach(item -> {
            postIds.add(item.post().id());
            if (item.shared() != null) {
                postIds.add(item.shared().post().id());
            }
        });
        List<Long> unknown = postIds.stream().filter(id -> !known.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            known.putAll(extras.of(unknown));
        }
        Set<Long> liked = viewerId == null ? Set.of() : likes.likedPosts(viewerId, postIds);
        return items.stream().map(item -> item.dressed(liked, known)).toList();
    }

    /**
     * Posts in groups the viewer may read, without hidden ones unless the viewer wrote or moderates them; each with
     * its group and restrictions, so that showing them asks the database nothing twice.
     */
    List<Readable> readable(List<Post> list, Long viewerId, Set<Long> hidden, boolean moderatorsSeeHidden) {
        if (list.isEmpty()) {
            return List.of();
        }
        Set<Long> groupIds = Set.copyOf(list.stream().map(Post::groupId).filter(g -> g != null).toList());
        Map<Long, Group> allowed = groupIds.isEmpty() ? Map.of() : groups.readableGroups(groupIds, viewerId);
        Map<Long, PostExtras.Extras> found = extras.of(list.stream().map(Post::id).toList());
        return list.stream().filter(p -> p.groupId() == null || allowed.containsKey(p.groupId()))
                .filter(p -> !hidden.contains(p.authorId())
                        || (moderatorsSeeHidden && p.groupId() != null && moderators.moderates(p.groupId(), viewerId)))
                .filter(p -> !found.get(p.id()).hidden() || moderators.seesHidden(p.authorId(), p.groupId(), viewerId))
                .map(p -> new Readable(p, p.groupId() == null ? null : allowed.get(p.groupId()), found.get(p.id())))
                .toList();
    }

    /** A post the viewer may read, with its group (null on a profile) and its extras (what moderation did to it…). */
    record Readable(Post post, Group group, PostExtras.Extras extras) {
        boolean hidden() {
            return extras.hidden();
        }

        boolean locked() {
            return extras.locked();
        }
    }
}
