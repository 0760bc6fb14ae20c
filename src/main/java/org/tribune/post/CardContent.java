package org.tribune.post;

import java.util.List;

import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.group.Group;
import org.tribune.media.Picture;
import org.tribune.platform.web.Page;
import org.tribune.post.preview.LinkPreview;

/**
 * Everything the content of a post card shows, from its byline to its community note, as values: the key under
 * which its rendered HTML is kept ({@link Page#once}). What is the reader's own stays out: whether they liked it,
 * the forms and their token, the reason it is in their feed. Their language and time zone are added by the page;
 * whether they open content warnings only matters, and only counts, for a post that has one.
 */
public record CardContent(Post post, Byline author, Place group, LinkPreview preview, boolean hidden, PostNote note,
        CardContent shared, SourceTag source, List<Picture> pictures, boolean full, boolean warningsOpen) {

    /** The author as a card shows them. */
    public record Byline(String handle, String displayName, String avatarUrl, boolean deleted) {
    }

    /**
     * The end of a card, after the reader's like button: its counts and the links to the post's likes, comments,
     * sharing, notes and flagging, the same for every reader of a language who is signed in (or not).
     */
    public record Actions(long postId, int likes, int comments, boolean locked, boolean signedIn) {
        @Override
        public int hashCode() {
            return ((Long.hashCode(postId) * 31 + likes) * 31 + comments) * 4 + (locked ? 2 : 0) + (signedIn ? 1 : 0);
        }
    }

    /** The group as a card names it. */
    public record Place(String slug, String name) {
    }

    /**
     * From the post's id and the counts that change most, not from every value: hashing the texts and the nested
     * records at every lookup cost more than rendering saved. Equal contents still hash alike; versions of a post
     * mostly differ.
     */
    @Override
    public int hashCode() {
        int hash = (Long.hashCode(post.id()) * 31 + post.likeCount()) * 31 + post.commentCount();
        return hash * 31 + (post.editedAt() == null ? 0 : post.editedAt().hashCode()) + (full ? 1 : 0) + (warningsOpen ? 2 : 0);
    }

    public static CardContent of(PostItem item, boolean full, Page page) {
        boolean warned = item.post().contentWarning() != null
                || item.shared() != null && item.shared().post().contentWarning() != null;
        return of(item, full, warned && page.opensWarnings());
    }

    private static CardContent of(PostItem item, boolean full, boolean warningsOpen) {
        Account a = item.author();
        Group g = item.group();
        return new CardContent(item.post(),
                new Byline(a.handle(), a.displayName(), a.avatarUrl(), a.state() == AccountState.DELETED),
                g == null ? null : new Place(g.slug(), g.name()), item.preview(), item.hidden(), item.note(),
                item.shared() == null ? null : of(item.shared(), false, warningsOpen), item.source(), item.pictures(),
                full, warningsOpen);
    }
}
