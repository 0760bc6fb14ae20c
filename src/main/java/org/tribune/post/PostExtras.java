package org.tribune.post;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.PictureUse;
import org.tribune.media.PostPicturesChanged;
import org.tribune.platform.cluster.HeapBytes;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/**
 * What a card shows of a post besides its row, by post id, on this node: what moderation did to it and the original
 * of a share ({@link Restrictions}), its pictures (media) and its Helpful note (notes). One entry a post, not one a
 * feature: a feed page asks them of every post it shows, and a lookup costs a feed more than the little each holds.
 * Almost every post has none of them, and then shares {@link Extras#NONE}.
 *
 * <p>Evicted on every node (see {@link NodeCache}) by the events of what owns each part:
 * {@link Restrictions.Changed}, {@link PostPicturesChanged}, {@link HelpfulNotes.Changed}. Each is published inside
 * the change's transaction, after its write.
 */
@Component
class PostExtras {
    private final NodeCache<Extras> byPost;
    private final Restrictions restrictions;
    private final MediaService media;
    private final List<HelpfulNotes> notes;

    PostExtras(NodeCaches caches, Restrictions restrictions, MediaService media, List<HelpfulNotes> notes) {
        this.byPost = caches.create("post-extras", 24, Extras::weight);
        this.restrictions = restrictions;
        this.media = media;
        this.notes = notes;
    }

    /** A post's extras: {@code note} null when it has no Helpful note. */
    record Extras(Restrictions.Restriction restriction, List<Picture> pictures, PostNote note) {
        /** What most posts have: one value for all of them, not an object more per post for the collector to trace. */
        static final Extras NONE = new Extras(Restrictions.Restriction.NONE, List.of(), null);

        static Extras of(Restrictions.Restriction restriction, List<Picture> pictures, PostNote note) {
            return restriction == Restrictions.Restriction.NONE && pictures.isEmpty() && note == null ? NONE
                    : new Extras(restriction, List.copyOf(pictures), note);
        }

        boolean hidden() {
            return restriction.hidden();
        }

        boolean locked() {
            return restriction.locked();
        }

        /** The post this one shares, 0 when it is no share. */
        long originalId() {
            return restriction.originalId();
        }

        /** About its bytes on the heap (the shared empty value weighs nothing of its own). */
        int weight() {
            if (this == NONE) {
                return 0;
            }
            int bytes = 64 + 400 * pictures.size();
            if (note != null) {
                bytes += 200 + HeapBytes.of(note.textHtml()) + note.sources().stream().mapToInt(HeapBytes::of).sum();
            }
            return bytes;
        }
    }

    /** These posts' extras (one for each): from this node's memory, else read in one go for all those missing. */
    Map<Long, Extras> of(Collection<Long> postIds) {
        return byPost.getAll(postIds, missing -> {
            Map<Long, Restrictions.Restriction> restricted = restrictions.read(missing);
            Map<Long, List<Picture>> pictures = media.shownOn(PictureUse.POST, missing);
            Map<Long, PostNote> helpful = new HashMap<>();
            notes.forEach(source -> helpful.putAll(source.forPosts(missing)));
            Map<Long, Extras> read = HashMap.newHashMap(missing.size());
            for (Long id : missing) {
                read.put(id, Extras.of(restricted.getOrDefault(id, Restrictions.Restriction.NONE),
                        pictures.getOrDefault(id, List.of()), helpful.get(id)));
            }
            return read;
        });
    }

    @EventListener
    void on(Restrictions.Changed changed) {
        byPost.evict(changed.postId());
    }

    @EventListener
    void on(PostPicturesChanged changed) {
        byPost.evict(changed.postId());
    }

    @EventListener
    void on(HelpfulNotes.Changed changed) {
        byPost.evict(changed.postIds());
    }
}
