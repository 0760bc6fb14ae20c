package org.tribune.post;

import java.util.List;

import org.tribune.account.Account;
import org.tribune.media.Picture;
import org.tribune.group.Group;
import org.tribune.post.preview.LinkPreview;

/**
 * A post ready to show: with its author, its group (null on a profile), whether the viewer liked it, and the preview
 * of its link when one was fetched (null otherwise). {@code hidden} is only ever true for its author and moderators
 * (nobody else gets hidden posts); {@code note} is its Helpful community note, {@code shared} the post it embeds,
 * {@code source} the community's label for the site its link points to (null when it has none), {@code pictures}
 * the pictures it shows, in their order.
 */
public record PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview,
        boolean hidden, boolean locked, PostNote note, PostItem shared, SourceTag source, List<Picture> pictures) {

    public PostItem {
        pictures = pictures == null ? List.of() : List.copyOf(pictures);
    }

    public PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview) {
        this(post, author, group, likedByViewer, preview, false, false, null, null, null, List.of());
    }

    public PostItem(Post post, Account author, Group group, boolean likedByViewer, LinkPreview preview,
            boolean hidden, boolean locked, PostNote note, PostItem shared) {
        this(post, author, group, likedByViewer, preview, hidden, locked, note, shared, null, List.of());
    }

    /** This item showing these pictures. */
    PostItem withPictures(List<Picture> shown) {
        return new PostItem(post, author, group, likedByViewer, preview, hidden, locked, note, shared, source, shown);
    }

    /** This item (and the post it shares) with the viewer's likes, and the Helpful note and pictures of its extras, by post id. */
    PostItem dressed(java.util.Set<Long> liked, java.util.Map<Long, PostExtras.Extras> extras) {
        PostItem embedded = shared == null ? null : shared.dressed(liked, extras);
        PostExtras.Extras found = extras.getOrDefault(post.id(), PostExtras.Extras.NONE);
        return new PostItem(post, author, group, liked.contains(post.id()), preview, hidden, locked, found.note(),
                embedded, source, found.pictures());
    }

    /** This item embedding another post (a share). */
    PostItem sharing(PostItem embedded) {
        return new PostItem(post, author, group, likedByViewer, preview, hidden, locked, note, embedded, source, pictures);
    }

    /** This item with the labels of its link's site and of its shared post's (by address, from {@link SourceLabels}). */
    PostItem withSources(java.util.Map<String, SourceTag> byLink) {
        PostItem embedded = shared == null ? null : shared.withSources(byLink);
        SourceTag tag = post.linkUrl() == null ? null : byLink.get(post.linkUrl());
        return new PostItem(post, author, group, likedByViewer, preview, hidden, locked, note, embedded, tag, pictures);
    }
}
