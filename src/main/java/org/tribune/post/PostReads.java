package org.tribune.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.tribune.account.Account;
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
    private final PostCards cards;
    private final GroupAccess groups;
    private final LinkPreviews previews;
    private final List<SourceLabels> labels;
    private final MediaService media;
    private final SafetyService safety;

    PostReads(Posts posts, PostCards cards, GroupAccess groups, LinkPreviews previews, List<SourceLabels> labels,
            MediaService media, SafetyService safety) {
        this.posts = posts;
        this.cards = cards;
        this.groups = groups;
        this.previews = previews;
        this.labels = labels;
        this.media = media;
        this.safety = safety;
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
        List<PostCards.Readable> found = new ArrayList<>();
        long cursor = before;
        boolean exhausted = false;
        for (int round = 0; round < MAX_ROUNDS && found.size() < limit; round++) {
            List<Post> batch = posts.newest(sources.groupIds(), profileAuthors, anyPostAuthors, hidden, cursor, limit);
            if (batch.isEmpty()) {
                exhausted = true;
                break;
            }
            for (PostCards.Readable post : cards.readable(batch, viewerId, hidden, false)) {
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
        return new Page(cards.show(found, viewerId, hidden, screen), next);
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
        return cards.show(cards.asFound(list), viewerId, safety.blockedEitherWay(viewerId), Screen.NONE);
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
        return cards.show(readableByIds(ids, viewerId, blocked), viewerId, blocked, Screen.NONE);
    }

    /**
     * These posts as {@link #byIds} finds them (the same readability checks), with their authors, groups and link
     * previews but without likes, notes, pictures or source labels: for search results, which show none of those.
     */
    public List<PostItem> foundByIds(Collection<Long> ids, Long viewerId) {
        Set<Long> blocked = safety.blockedEitherWay(viewerId);
        return cards.undressed(readableByIds(ids, viewerId, blocked), viewerId, blocked, Screen.NONE, new HashMap<>());
    }

    /** Newest first. */
    private List<PostCards.Readable> readableByIds(Collection<Long> ids, Long viewerId, Set<Long> blocked) {
        List<PostCards.Readable> found = new ArrayList<>(cards.readable(posts.live(ids), viewerId, blocked, true));
        found.sort((a, b) -> Long.compare(b.post().id(), a.post().id()));
        return found;
    }
}
