package org.tribune.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.PictureUse;
import org.tribune.post.preview.LinkPreview;
import org.tribune.post.preview.LinkPreviews;
import org.tribune.safety.SafetyService;

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
    private final PostExtras extras;
    private final ContentModerators moderators;
    private final List<SourceLabels> labels;
    private final MediaService media;
    private final SafetyService safety;

    PostReads(Posts posts, Likes likes, AccountService accounts, GroupAccess groups, LinkPreviews previews,
            PostExtras extras, ContentModerators moderators, List<SourceLabels> labels, MediaService media, SafetyService safety) {
        this.extras = extras;
        this.media = media;
        this.safety = safety;
        this.posts = posts;
        this.likes = likes;
        this.accounts = accounts;
        this.groups = groups;
        this.previews = previews;
        this.moderators = moderators;
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

    /**
     * What a reader chose not to see (their word filters): decided on a post as it shows (its texts, its link's
     * preview, the post it shares) before the reader's likes, notes and pictures are read, so that a left-out post
     * costs no lookup. A post left out still moves the page's cursor on.
     */
    @FunctionalInterface
    public interface Screen {
        Screen NONE = item -> false;

        boolean leavesOut(PostItem item);
    }

    /**
     * Up to {@code limit} readable posts with ids below {@code before}, newest first: a feed. Posts (and shares of
     * posts) by people the viewer blocked, muted or was blocked by are left out (see {@link SafetyService#hiddenAuthors}).
     */
    public Page newest(Sources sources, long before, int limit, Long viewerId) {
        return newest(sources, before, limit, viewerId, Screen.NONE);
    }

    /** As {@link #newest(Sources, long, int, Long)}, without the posts the screen leaves out. */
    public Page newest(Sources sources, long before, int limit, Long viewerId, Screen screen) {
        if (sources.isEmpty()) {
            return new Page(List.of(), null);
        }
        Set<Long> hidden = safety.hiddenAuthors(viewerId);
        // Hidden authors are left out by the query itself: their own posts are not walked at all, their posts in
        // groups are skipped by the groups' walks. The check below stays for shares of their posts.
        Set<Long> profileAuthors = without(sources.profileAuthorIds(), hidden);
        Set<Long> anyPostAuthors = without(sources.anyPostAuthorIds(), hidden);
        if (sources.groupIds().isEmpty() && profileAuthors.isEmpty() && anyPostAuthors.isEmpty()) {
            return new Page(List.of(), null);
        }
        List<Readable> found = new ArrayList<>();
        long cursor = before;
        boolean exhausted = false;
        for (int round = 0; round < MAX_ROUNDS && found.size() < limit; round++) {
            List<Post> batch = posts.newest(sources.groupIds(), profileAuthors, anyPostAuthors, hidden, cursor, limit);
            if (batch.isEmpty()) {
                exhausted = true;
                break;
            }
            for (Readable post : readable(batch, viewerId, hidden, false)) {
                if (found.size() == limit) {
                    break;
                }
                found.add(post);
            }
            cursor = batch.getLast().id();
            if (batch.size() < limit && found.size() < limit) {
                exhausted = true;
            }
            if (exhausted) {
                break;
            }
        }
        Long next = found.size() == limit ? Long.valueOf(found.getLast().post().id()) : exhausted ? null : Long.valueOf(cursor);
        return new Page(show(found, viewerId, hidden, screen), next);
    }

    private static Set<Long> without(Set<Long> ids, Set<Long> hidden) {
        if (hidden.isEmpty() || ids.isEmpty()) {
            return ids;
        }
        Set<Long> kept = new java.util.HashSet<>(ids);
        kept.removeAll(hidden);
        return kept;
    }

    /** These posts, as the viewer may see them, in the order given; shares carry the post they embed. */
    public List<PostItem> items(List<Post> list, Long viewerId) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, PostExtras.Extras> found = extras.of(list.stream().map(Post::id).toList());
        Map<Long, Group> inGroups = groups.groups(list.stream().map(Post::groupId).filter(g -> g != null).distinct().toList());
        return show(list.stream().map(p -> new Readable(p, p.groupId() == null ? null : inGroups.get(p.groupId()), found.get(p.id())))
                .toList(), viewerId, safety.blockedEitherWay(viewerId), Screen.NONE);
    }

    /**
     * Posts already checked as readable, with what was learnt on the way (their group, their restrictions). A share
     * of a post by someone in {@code hidden} is left out with it: a blocked person's post never reaches the viewer
     * through someone else's share.
     */
    private List<PostItem> show(List<Readable> list, Long viewerId, Set<Long> hidden, Screen screen) {
        Map<Long, PostExtras.Extras> known = HashMap.newHashMap(list.size());
        List<PostItem> undressed = undressed(list, viewerId, hidden, screen, known);
        return SourceLabels.label(labels, dressed(undressed, viewerId, known));
    }

    /**
     * What {@link #show} shows, without what depends on the viewer or changes often (likes, notes, pictures, labels).
     * {@code known} gets the extras of the posts shown and of those they share, for {@link #dressed}.
     */
    private List<PostItem> undressed(List<Readable> list, Long viewerId, Set<Long> hidden, Screen screen,
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
        Map<Long, PostNote> helpful = new HashMap<>();
        Map<Long, List<Picture>> pictures = new HashMap<>();
        for (Long id : postIds) {
            PostExtras.Extras found = known.get(id);
            if (found != null && found != PostExtras.Extras.NONE) {
                if (found.note() != null) {
                    helpful.put(id, found.note());
                }
                if (!found.pictures().isEmpty()) {
                    pictures.put(id, found.pictures());
                }
            }
        }
        return items.stream().map(item -> item.dressed(liked, helpful, pictures)).toList();
    }

    /**
     * A post its author has just published, as they see it: nobody can have liked, hidden, locked, shared or noted it
     * yet, so only its group, and for a link its preview if one is already kept and its site's label, are looked up.
     */
    public PostItem justPublished(Post post, Account author) {
        Group group = post.groupId() == null ? null : groups.groups(List.of(post.groupId())).get(post.groupId());
        LinkPreview preview = post.linkUrl() == null ? null : previews.cached(post.linkUrl()).orElse(null);
        List<Picture> shown = media.shownOn(PictureUse.POST, List.of(post.id())).getOrDefault(post.id(), List.of());
        return SourceLabels.label(labels, List.of(new PostItem(post, author, group, false, preview).withPictures(shown)))
                .getFirst();
    }

    public PostItem item(Post post, Long viewerId) {
        return items(List.of(post), viewerId).stream().findFirst().orElseThrow(() -> new org.tribune.platform.NotFound("post"));
    }

    /**
     * Posts by id, leaving out those the viewer may not read: across a block, a post is absent (unless the viewer
     * moderates its group). Muted people's posts stay: whoever asks for a post by its id gets it.
     */
    public List<PostItem> byIds(Collection<Long> ids, Long viewerId) {
        Set<Long> blocked = safety.blockedEitherWay(viewerId);
        return show(readableByIds(ids, viewerId, blocked), viewerId, blocked, Screen.NONE);
    }

    /**
     * These posts as {@link #byIds} finds them (the same readability checks), with their authors, groups and link
     * previews but without likes, notes, pictures or source labels: for search results, which show none of those.
     */
    public List<PostItem> foundByIds(Collection<Long> ids, Long viewerId) {
        Set<Long> blocked = safety.blockedEitherWay(viewerId);
        return undressed(readableByIds(ids, viewerId, blocked), viewerId, blocked, Screen.NONE, new HashMap<>());
    }

    /** Newest first. */
    private List<Readable> readableByIds(Collection<Long> ids, Long viewerId, Set<Long> blocked) {
        List<Readable> found = new ArrayList<>(readable(posts.live(ids), viewerId, blocked, true));
        found.sort((a, b) -> Long.compare(b.post().id(), a.post().id()));
        return found;
    }

    /**
     * Posts in groups the viewer may read, without hidden ones unless the viewer wrote or moderates them; each with
     * its group and restrictions, so that showing them asks the database nothing twice.
     */
    private List<Readable> readable(List<Post> list, Long viewerId, Set<Long> hidden, boolean moderatorsSeeHidden) {
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
    private record Readable(Post post, Group group, PostExtras.Extras extras) {
        boolean hidden() {
            return extras.hidden();
        }

        boolean locked() {
            return extras.locked();
        }
    }
}
