package org.tribune.post;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

import org.tribune.account.Account;
import org.tribune.media.MediaJson;

/**
 * A post as the API shows it: always its accepted revision, never a pending one. {@code linkSummary} is the
 * community's description of the link; {@code bodyHtml} is the sanitised rendering of {@code body}. Ids are strings.
 * {@code hidden} is only ever true for the post's author and moderators; {@code note} is its Helpful community note;
 * {@code shared} the post a share embeds (null when there is none or the reader may not see it); {@code sourceLabel}
 * the community's label for the site {@code link} points to (null when it has none); {@code media} its pictures in
 * their order (at most 4, empty when none).
 */
@Schema(name = "Post")
public record PostJson(String id, @Schema(nullable = true, description = "null for a former member") Person author,
        @Schema(nullable = true, description = "null for a post on its author's profile") GroupRef group, String title,
        String body, String bodyHtml, @Schema(nullable = true) String link, Instant createdAt,
        @Schema(nullable = true) Instant editedAt, int likeCount, int commentCount, boolean likedByMe,
        @Schema(nullable = true) String linkSummary, boolean hidden, boolean locked, @Schema(nullable = true) NoteRef note,
        @Schema(nullable = true) PostJson shared, @Schema(nullable = true) SourceLabelRef sourceLabel,
        List<MediaJson> media,
        @Schema(nullable = true, maxLength = Post.WARNING_MAX, description = "The content warning the body is folded behind") String contentWarning) {

    /** {@code avatarUrl} is the address of their picture (a small square JPEG), null when they have none. */
    public record Person(String id, String handle, String displayName, @Schema(nullable = true) String avatarUrl) {
        public static Person of(Account a) {
            return a == null ? null : new Person(Long.toString(a.id()), a.handle(), a.displayName(), a.avatarUrl());
        }
    }

    public record GroupRef(String id, String slug, String name) {
    }

    /** The Helpful note under a post. */
    public record NoteRef(String id, String textHtml, List<String> sources, boolean postEditedSince) {
    }

    /**
     * The label of the linked site: {@code label} its code (e.g. satire), {@code labelName} its name in the reader's
     * language, {@code url} the path of the domain's page on this site, where the label is justified.
     */
    public record SourceLabelRef(String domain, String label, String labelName, String url) {
        static SourceLabelRef of(SourceTag tag) {
            return tag == null ? null : new SourceLabelRef(tag.domain(), tag.label(), tag.labelName(), tag.path());
        }
    }

    public static PostJson of(PostItem item) {
        Post p = item.post();
        PostNote n = item.note();
        return new PostJson(Long.toString(p.id()), Person.of(item.author()),
                item.group() == null ? null : new GroupRef(Long.toString(item.group().id()), item.group().slug(), item.group().name()),
                p.title(), p.body(), p.bodyHtml(), p.linkUrl(), p.createdAt(), p.editedAt(), p.likeCount(),
                p.commentCount(), item.likedByViewer(), p.linkSummary(), item.hidden(), item.locked(),
                n == null ? null : new NoteRef(Long.toString(n.noteId()), n.textHtml(), n.sources(), n.postEditedSince()),
                item.shared() == null ? null : of(item.shared()), SourceLabelRef.of(item.source()),
                item.pictures().stream().map(MediaJson::of).toList(), p.contentWarning());
    }
}
