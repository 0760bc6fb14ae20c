package org.tribune.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupService;
import org.tribune.media.MediaService;
import org.tribune.media.PictureUse;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;
import org.tribune.post.preview.LinkPreviews;
import org.tribune.safety.GroupFilters;
import org.tribune.safety.SafetyService;

/**
 * Writing posts and comments, liking, editing and deleting. Reading a post someone may not see answers "not found",
 * exactly like a post that does not exist.
 */
@Service
public class PostService {
    public static final int TITLE_MAX = 300;
    public static final int BODY_MAX = 20_000;
    public static final int COMMENT_MAX = 5_000;
    public static final int LINK_MAX = 2_000;
    public static final int LINK_SUMMARY_MAX = 1_000;

    private final Posts posts;
    private final Comments comments;
    private final Likes likes;
    private final PostText text;
    private final GroupAccess groups;
    private final GroupService groupService;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;
    private final RateLimiter.Limit postLimit;
    private final RateLimiter.Limit commentLimit;
    private final Restrictions restrictions;
    private final ContentModerators moderators;
    private final MediaService media;
    private final SafetyService safety;
    private final GroupScreening screening;
    private final MentionAudience audience;
    private final HeldNotices heldNotices;

    PostService(Posts posts, Comments comments, Likes likes, PostText text, GroupAccess groups, GroupService groupService,
            RateLimiter limiter, ApplicationEventPublisher events, Ids ids, Clock clock, Restrictions restrictions,
            ContentModerators moderators, MediaService media, SafetyService safety, GroupScreening screening,
            MentionAudience audience, HeldNotices heldNotices, @Value("${tribune.limits.posts-per-hour:30}") int postsPerHour,
            @Value("${tribune.limits.comments-per-hour:120}") int commentsPerHour) {
        this.safety = safety;
        this.screening = screening;
        this.audience = audience;
        this.heldNotices = heldNotices;
        this.posts = posts;
        this.comments = comments;
        this.likes = likes;
        this.text = text;
        this.groups = groups;
        this.groupService = groupService;
        this.limiter = limiter;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.restrictions = restrictions;
        this.moderators = moderators;
        this.media = media;
        this.postLimit = new RateLimiter.Limit("post", postsPerHour, Duration.ofHours(1));
        this.commentLimit = new RateLimiter.Limit("comment", commentsPerHour, Duration.ofHours(1));
    }

    /** What someone writes: an optional title, a Markdown body and an optional link. Kept across a redirect. */
    public record Draft(String title, String body, String link, String contentWarning) implements java.io.Serializable {
        public Draft(String title, String body, String link) {
            this(title, body, link, null);
        }
    }

    /** At most this many pictures on a post, and on a comment. */
    public static final int PICTURES_MAX = 4;
    public static final int COMMENT_PICTURES_MAX = 1;

    /** Publishes in a group (its members, or its moderators where only they post), or on the author's profile. */
    @Transactional
    public Post publish(Account author, Long groupId, Draft draft) {
        return publish(author, groupId, draft, List.of());
    }

    /**
     * Publishes with pictures the author uploaded (ids from {@link MediaService#upload}), shown in the order given;
     * a post with pictures needs no text.
     */
    @Transactional
    public Post publish(Account author, Long groupId, Draft draft, List<String> pictureIds) {
        requireActive(author);
        Group group = null;
        if (groupId != null) {
            group = groups.group(groupId).filter(g -> groups.canSee(g, author.id())).orElseThrow(() -> new NotFound("group"));
            if (!groups.canPost(group, author)) {
                throw new Forbidden(groups.membership(groupId, author.id()).isPresent() ? "post.moderators-only" : "post.members-only");
            }
        }
        List<String> pictures = pictureIds == null ? List.of() : pictureIds;
        Draft checked = check(draft, !pictures.isEmpty());
        if (pictures.size() > PICTURES_MAX) {
            throw InvalidInput.of("media", "media.too-many", PICTURES_MAX);
        }
        GroupFilters.Screening hold = screening.screen(groupId, author.id(), null, false, checked.title(), checked.body(),
                checked.link(), checked.contentWarning());
        limiter.consume(postLimit, Long.toString(author.id()));
        PostText.Rendered rendered = text.render(checked.body(), author.id());
        Post post = new Post(ids.next(), groupId, author.id(), checked.title(), checked.body(), rendered.html(),
                checked.link(), clock.instant(), null, 0, 0, null, null, checked.contentWarning());
        posts.insert(post);
        media.attach(author.id(), pictures, PictureUse.POST, post.id(), PICTURES_MAX);
        if (group != null) {
            groupService.recordActivity(group.id());
        }
        if (hold != null) {
            restrictions.holdPost(post.id(), clock.instant());
            screening.held(hold, null, post.id(), groupId, author.id());
        }
        // Held content mentions nobody yet: nobody but its author and the moderators can read it (see HeldNotices).
        events.publishEvent(new PostEvents.PostPublished(post.id(), groupId, author.id(),
                hold == null ? audience.of(rendered, group) : Set.of()));
        wantPreview(post.id(), post.linkUrl());
        return post;
    }

    /** A deleted post's pictures, and its comments', leave the storage with it. */
    private void removePictures(long postId) {
        media.removeFrom(PictureUse.POST, postId);
        comments.idsOn(postId).forEach(id -> media.removeFrom(PictureUse.COMMENT, id));
    }

    private void wantPreview(long postId, String url) {
        if (url != null && !url.isBlank()) {
            events.publishEvent(new PreviewWanted(postId, url));
        }
    }

    /** A post the viewer may read. */
    public Post read(long postId, Long viewerId) {
        Post post = posts.live(postId).orElseThrow(() -> new NotFound("post"));
        if (!canRead(post, viewerId)) {
            throw new NotFound("post");
        }
        if (isHidden(postId) && !moderators.seesHidden(post.authorId(), post.groupId(), viewerId)) {
            throw new NotFound("post");
        }
        // Across a block a post is absent, exactly like a missing one; moderators doing their work still read it.
        if (viewerId != null && safety.blockedEitherWay(post.authorId(), viewerId) && !moderators.moderates(post.groupId(), viewerId)) {
            throw new NotFound("post");
        }
        return post;
    }

    public boolean canRead(Post post, Long viewerId) {
        return post.groupId() == null || groups.canRead(post.groupId(), viewerId);
    }

    /** Whether the viewer may comment on and like this post. */
    public boolean canTakePart(Post post, Account viewer) {
        if (viewer == null || viewer.state() != AccountState.ACTIVE) {
            return false;
        }
        return post.groupId() == null || groups.group(post.groupId()).map(g -> groups.canTakePart(g, viewer)).orElse(false);
    }

    /** Whether the viewer may delete this post: its author, or a moderator of its group. */
    public boolean canDelete(Post post, Long viewerId) {
        return viewerId != null && (post.authorId() == viewerId
                || (post.groupId() != null && groups.canModerate(post.groupId(), viewerId)));
    }

    /** What a revision of a post holds: its draft and the community's summary of its link. */
    public record Text(String title, String body, String link, String linkSummary) {
    }

    /**
     * Checks a proposed revision of a post with the same rules as publishing, and normalises it (trimmed, blanks to
     * null); throws {@link InvalidInput} naming the fields at fault.
     */
    public static Text checkText(Text proposed) {
        String summary = proposed.linkSummary() == null || proposed.linkSummary().isBlank() ? null : proposed.linkSummary().strip();
        Draft draft;
        InvalidInput.Collector errors = new InvalidInput.Collector();
        try {
            draft = check(new Draft(proposed.title(), proposed.body(), proposed.link()), false);
        } catch (InvalidInput invalid) {
            invalid.problems().forEach(p -> errors.add(p.field(), p.code(), p.args().toArray()));
            draft = null;
        }
        if (summary != null && summary.length() > LINK_SUMMARY_MAX) {
            errors.add("linkSummary", "post.link-summary-too-long", LINK_SUMMARY_MAX);
        }
        errors.throwIfAny();
        return new Text(draft.title(), draft.body(), draft.link(), summary);
    }

    /**
     * Makes an accepted revision the post's text. Only the wiki calls this, after deciding that the editor may; the
     * post then shows it everywhere (feeds, search, the API). Publishes {@link PostEvents.PostEdited} when the text
     * changed.
     */
    @Transactional
    public Post applyAcceptedRevision(long postId, long editorId, Text accepted) {
        Post post = posts.live(postId).orElseThrow(() -> new NotFound("post"));
        Text checked = checkText(accepted);
        if (checked.equals(new Text(post.title(), post.body(), post.linkUrl(), post.linkSummary()))) {
            return post;
        }
        GroupFilters.Screening hold = screening.screen(post.groupId(), editorId, postId, false, checked.title(),
                checked.body(), checked.link(), checked.linkSummary(), post.contentWarning());
        PostText.Rendered rendered = text.render(checked.body(), editorId);
        posts.update(postId, checked.title(), checked.body(), rendered.html(), checked.link(), checked.linkSummary(), clock.instant());
        if (hold != null && restrictions.hidePost(postId, clock.instant())) {
            screening.held(hold, null, postId, post.groupId(), editorId);
        }
        events.publishEvent(new PostEvents.PostEdited(postId, editorId));
        wantPreview(postId, checked.link());
        return posts.live(postId).orElseThrow();
    }

    /**
     * Moves a post to another group. Only the wiki calls this, after deciding that the mover may recategorise it and
     * may post in the target group.
     */
    @Transactional
    public void moveToGroup(long postId, long groupId, long moverId) {
        Post post = posts.live(postId).orElseThrow(() -> new NotFound("post"));
        if (post.groupId() == null || post.groupId() == groupId) {
            return;
        }
        posts.moveTo(postId, groupId);
        groupService.recordActivity(groupId);
        events.publishEvent(new PostEvents.PostMoved(postId, post.groupId(), groupId, moverId));
    }

    @Transactional
    public void delete(Account actor, long postId) {
        Post post = read(postId, actor.id());
        if (!canDelete(post, actor.id())) {
            throw new Forbidden("post.not-yours");
        }
        if (posts.delete(postId, clock.instant())) {
            removePictures(postId);
            events.publishEvent(new PostEvents.PostDeleted(postId, post.groupId()));
        }
    }

    @Transactional
    public Comment comment(Account author, long postId, String body, Long parentId) {
        return comment(author, postId, body, parentId, List.of(), null);
    }

    /**
     * Comments on a post, or replies to one of its comments, with at most one picture the author uploaded (with a
     * picture it needs no text) and an optional content warning.
     */
    @Transactional
    public Comment comment(Account author, long postId, String body, Long parentId, List<String> pictureIds,
            String contentWarning) {
        List<String> pictures = pictureIds == null ? List.of() : pictureIds;
        if (pictures.size() > COMMENT_PICTURES_MAX) {
            throw InvalidInput.of("media", "media.too-many", COMMENT_PICTURES_MAX);
        }
        Post post = read(postId, author.id());
        if (!canTakePart(post, author)) {
            throw new Forbidden("post.members-only");
        }
        if (isLocked(postId)) {
            throw new Forbidden("post.locked");
        }
        if (post.groupId() == null && !safety.mayReplyOnProfile(author.id(), post.authorId())) {
            throw new Forbidden("safety.replies-closed");
        }
        String checked = pictures.isEmpty() || (body != null && !body.isBlank()) ? checkComment(body) : "";
        String warning = PostWarnings.checkWarning(contentWarning);
        Comment parent = null;
        if (parentId != null) {
            // A comment by someone across a block is absent to the replier, like a comment that does not exist.
            parent = comments.byId(parentId).filter(c -> c.postId() == postId && !c.deleted())
                    .filter(c -> !safety.blockedEitherWay(c.authorId(), author.id()))
                    .orElseThrow(() -> InvalidInput.of("parentId", "comment.parent-unknown"));
        }
        GroupFilters.Screening hold = screening.screen(post.groupId(), author.id(), postId, true, checked, warning);
        limiter.consume(commentLimit, Long.toString(author.id()));
        PostText.Rendered rendered = text.render(checked, author.id());
        Instant now = clock.instant();
        Comment comment = new Comment(ids.next(), postId, parentId, parent == null ? 0 : parent.depth() + 1, author.id(),
                checked, rendered.html(), now, null, false, 0, warning);
        comments.insert(comment);
        media.attach(author.id(), pictures, PictureUse.COMMENT, comment.id(), COMMENT_PICTURES_MAX);
        posts.addComments(postId, 1, now);
        if (post.groupId() != null) {
            groupService.recordActivity(post.groupId());
        }
        Group group = post.groupId() == null ? null : groups.group(post.groupId()).orElse(null);
        if (hold != null) {
            restrictions.holdComment(comment.id(), postId, now);
            screening.held(hold, comment.id(), postId, post.groupId(), author.id());
        }
        events.publishEvent(new PostEvents.CommentAdded(comment.id(), postId, post.groupId(), author.id(), post.authorId(),
                parentId, parent == null ? null : parent.authorId(), hold == null ? audience.of(rendered, group) : Set.of(),
                hold != null));
        return comment;
    }

    /**
     * A page of the post's comments, oldest first; deleted ones only where replies need their place. Comments by
     * people across a block from the viewer are absent (their moderators still see them); muted people's comments
     * stay, for the page to fold (see {@link SafetyService#hiddenAuthors}).
     */
    public List<Comment> comments(long postId, Long viewerId, long afterId, int limit) {
        Post post = read(postId, viewerId);
        Set<Long> hidden = restrictions.hiddenComments(postId);
        boolean moderates = !hidden.isEmpty() && moderators.moderates(post.groupId(), viewerId);
        Set<Long> blocked = safety.blockedEitherWay(viewerId);
        boolean seesBlocked = !blocked.isEmpty() && moderators.moderates(post.groupId(), viewerId);
        return comments.ofPost(postId, afterId, Math.min(Math.max(limit, 1), 500)).stream()
                .filter(c -> !c.deleted() || comments.hasReplies(c.id()))
                .filter(c -> !hidden.contains(c.id()) || moderates || (viewerId != null && viewerId == c.authorId()))
                .filter(c -> seesBlocked || !blocked.contains(c.authorId()))
                .toList();
    }

    public Comment comment(long commentId, Long viewerId) {
        Comment comment = comments.byId(commentId).filter(c -> !c.deleted()).orElseThrow(() -> new NotFound("comment"));
        Post post = read(comment.postId(), viewerId);
        if (viewerId != null && safety.blockedEitherWay(comment.authorId(), viewerId) && !moderators.moderates(post.groupId(), viewerId)) {
            throw new NotFound("comment");
        }
        if (restrictions.hiddenComments(post.id()).contains(commentId)
                && !moderators.seesHidden(comment.authorId(), post.groupId(), viewerId)) {
            throw new NotFound("comment");
        }
        return comment;
    }

    /** The hidden comments of a post, for marking them to the author and moderators who still see them. */
    public Set<Long> hiddenComments(long postId) {
        return restrictions.hiddenComments(postId);
    }

    /**
     * A moderator's removal of this post became final (its appeal window closed, or its appeal was rejected): it stays
     * hidden, and its pictures leave the storage, since no one may ever see them again. A post shown again is left alone.
     */
    @Transactional
    public void removedForGood(long postId) {
        if (isHidden(postId)) {
            media.removeFrom(PictureUse.POST, postId);
        }
    }

    /** The same for a comment: its picture leaves the storage if the comment is still hidden. */
    @Transactional
    public void commentRemovedForGood(long commentId) {
        if (restrictions.hiddenCommentsAmong(List.of(commentId)).contains(commentId)) {
            media.removeFrom(PictureUse.COMMENT, commentId);
        }
    }

    public boolean isHidden(long postId) {
        return !restrictions.hiddenPosts(List.of(postId)).isEmpty();
    }

    public boolean isLocked(long postId) {
        return !restrictions.locked(List.of(postId)).isEmpty();
    }

    /**
     * A live post whatever its hidden state and whoever asks: for moderation, which decides itself who may act, and
     * for search indexing, which filters readers when they search. Never show it to a reader without the checks of
     * {@link #read}.
     */
    /** Live posts by id, whatever their hidden state: for the search index, like {@link #forModeration(long)}. */
    public List<Post> forModeration(Collection<Long> postIds) {
        return posts.live(postIds);
    }

    public Optional<Post> forModeration(long postId) {
        return posts.live(postId);
    }

    /** Live posts after {@code afterId} in id order, whatever their hidden state: for the search index, like {@link #forModeration}. */
    public List<Post> liveAfter(long afterId, int limit) {
        return posts.liveAfter(afterId, limit);
    }

    /** Comments not deleted after {@code afterId} in id order, for the search index, like {@link #forModeration}. */
    public List<Comment> commentsAfter(long afterId, int limit) {
        return comments.liveAfter(afterId, limit);
    }

    /**
     * Of these comments, those neither deleted nor hidden, in one query each: for search, which then checks their
     * posts with {@link PostReads#byIds} (a comment is readable when its post is). Hidden comments are left out even
     * for their authors and moderators.
     */
    public List<Comment> shownComments(Collection<Long> commentIds) {
        Set<Long> hidden = restrictions.hiddenCommentsAmong(commentIds);
        return comments.live(commentIds).stream().filter(c -> !hidden.contains(c.id())).toList();
    }

    /** A comment that is not deleted, whatever its hidden state: for moderation only, like {@link #forModeration}. */
    public Optional<Comment> commentForModeration(long commentId) {
        return comments.byId(commentId).filter(c -> !c.deleted());
    }

    /**
     * Hides a post from everyone but its author and moderators (flags or a moderator decided). True if it changed.
     * Held new content stays hidden, and what its publication would have told never goes.
     */
    @Transactional
    public boolean hide(long postId) {
        boolean hidden = restrictions.hidePost(postId, clock.instant());
        restrictions.dropNoticesOnPost(postId);
        return hidden;
    }

    /** Shows a hidden post again; held new content then tells whom its publication would have (see {@link HeldNotices}). */
    @Transactional
    public boolean restore(long postId) {
        return posts.live(postId).map(heldNotices::restore).orElseGet(() -> restrictions.restorePost(postId));
    }

    @Transactional
    public boolean hideComment(long commentId) {
        Comment comment = comments.byId(commentId).orElseThrow(() -> new NotFound("comment"));
        boolean hidden = restrictions.hideComment(commentId, comment.postId(), clock.instant());
        restrictions.dropNoticesOnComment(commentId);
        return hidden;
    }

    @Transactional
    public boolean restoreComment(long commentId) {
        Optional<Comment> comment = comments.byId(commentId).filter(c -> !c.deleted());
        Optional<Post> post = comment.flatMap(c -> posts.live(c.postId()));
        if (comment.isEmpty() || post.isEmpty()) {
            return restrictions.restoreComment(commentId);
        }
        return heldNotices.restore(comment.get(), post.get());
    }

    /** Closes a discussion to new comments; moderation decides who may (TL3+ and moderators). */
    @Transactional
    public boolean lock(long postId) {
        return restrictions.lock(postId, clock.instant());
    }

    @Transactional
    public boolean unlock(long postId) {
        return restrictions.unlock(postId);
    }

    /**
     * Shares a post the sharer may read into a group or onto their profile: a new post, with an optional comment,
     * that embeds the original (and the original's Helpful note, wherever the share is shown).
     */
    @Transactional
    public Post share(Account sharer, long originalId, Long groupId, String comment) {
        Post original = read(originalId, sharer.id());
        if (original.groupId() != null && groups.group(original.groupId()).map(g -> !g.isPublic()).orElse(true)) {
            throw new Forbidden("post.share-private");
        }
        String said = comment == null ? "" : comment.strip();
        if (said.length() > BODY_MAX) {
            throw InvalidInput.of("body", "post.body-too-long", BODY_MAX);
        }
        requireActive(sharer);
        Group group = null;
        if (groupId != null) {
            group = groups.group(groupId).filter(g -> groups.canSee(g, sharer.id())).orElseThrow(() -> new NotFound("group"));
            if (!groups.canPost(group, sharer)) {
                throw new Forbidden("post.members-only");
            }
        }
        limiter.consume(postLimit, Long.toString(sharer.id()));
        PostText.Rendered rendered = text.render(said, sharer.id());
        Post post = new Post(ids.next(), groupId, sharer.id(), "", said, rendered.html(), null, clock.instant(), null, 0, 0, null, null, null);
        posts.insert(post);
        restrictions.share(post.id(), original.id());
        events.publishEvent(new PostEvents.PostPublished(post.id(), groupId, sharer.id(), audience.of(rendered, group)));
        return post;
    }

    @Transactional
    public Comment editComment(Account editor, long commentId, String body) {
        return editComment(editor, commentId, body, null);
    }

    /**
     * The author edits their comment: its body, its content warning ({@code null} keeps it, blank removes it), or
     * both; with a new warning and no body, the body stays. Checked by the group's filters like a new comment.
     */
    @Transactional
    public Comment editComment(Account editor, long commentId, String body, String contentWarning) {
        Comment comment = comment(commentId, editor.id());
        if (comment.authorId() != editor.id()) {
            throw new Forbidden("comment.not-yours");
        }
        requireActive(editor);
        String checked = body == null && contentWarning != null ? comment.body() : checkComment(body);
        String warning = contentWarning == null ? comment.contentWarning() : PostWarnings.checkWarning(contentWarning);
        Post post = posts.live(comment.postId()).orElseThrow(() -> new NotFound("comment"));
        GroupFilters.Screening hold = screening.screen(post.groupId(), editor.id(), post.id(), true, checked, warning);
        if (!checked.equals(comment.body())) {
            comments.update(commentId, checked, text.render(checked, editor.id()).html(), clock.instant());
            events.publishEvent(new PostEvents.CommentEdited(commentId, comment.postId(), editor.id()));
        }
        if (!java.util.Objects.equals(warning, comment.contentWarning())) {
            comments.warn(commentId, warning);
            PostWarnings.logChange(post.id(), commentId, warning);
        }
        if (hold != null && restrictions.hideComment(commentId, post.id(), clock.instant())) {
            screening.held(hold, commentId, post.id(), post.groupId(), editor.id());
        }
        return comments.byId(commentId).orElseThrow();
    }

    @Transactional
    public void deleteComment(Account actor, long commentId) {
        Comment comment = comment(commentId, actor.id());
        Post post = read(comment.postId(), actor.id());
        boolean moderator = post.groupId() != null && groups.canModerate(post.groupId(), actor.id());
        if (comment.authorId() != actor.id() && !moderator) {
            throw new Forbidden("comment.not-yours");
        }
        if (comments.delete(commentId, clock.instant())) {
            media.removeFrom(PictureUse.COMMENT, commentId);
            posts.addComments(post.id(), -1, null);
        }
    }

    @Transactional
    public int like(Account liker, long postId) {
        Post post = read(postId, liker.id());
        if (!canTakePart(post, liker)) {
            throw new Forbidden("post.members-only");
        }
        if (likes.likePost(postId, liker.id(), clock.instant())) {
            posts.addLikes(postId, 1);
            events.publishEvent(new PostEvents.PostLiked(postId, post.groupId(), liker.id(), post.authorId()));
        }
        return posts.live(postId).map(Post::likeCount).orElse(0);
    }

    @Transactional
    public int unlike(Account liker, long postId) {
        read(postId, liker.id());
        if (likes.unlikePost(postId, liker.id())) {
            posts.addLikes(postId, -1);
        }
        return posts.live(postId).map(Post::likeCount).orElse(0);
    }

    @Transactional
    public int likeComment(Account liker, long commentId) {
        Comment comment = comment(commentId, liker.id());
        Post post = read(comment.postId(), liker.id());
        if (!canTakePart(post, liker)) {
            throw new Forbidden("post.members-only");
        }
        if (likes.likeComment(commentId, liker.id(), clock.instant())) {
            comments.addLikes(commentId, 1);
            events.publishEvent(new PostEvents.CommentLiked(commentId, post.id(), post.groupId(), liker.id(), comment.authorId()));
        }
        return comments.byId(commentId).map(Comment::likeCount).orElse(0);
    }

    @Transactional
    public int unlikeComment(Account liker, long commentId) {
        comment(commentId, liker.id());
        if (likes.unlikeComment(commentId, liker.id())) {
            comments.addLikes(commentId, -1);
        }
        return comments.byId(commentId).map(Comment::likeCount).orElse(0);
    }

    /** Who liked a post, for those who may read it. */
    public List<Long> likers(long postId, Long viewerId, long afterAccountId) {
        read(postId, viewerId);
        return likes.postLikers(postId, afterAccountId, 100);
    }

    public List<Long> commentLikers(long commentId, Long viewerId, long afterAccountId) {
        comment(commentId, viewerId);
        return likes.commentLikers(commentId, afterAccountId, 100);
    }

    public Set<Long> likedComments(Long viewerId, List<Comment> of) {
        return viewerId == null ? Set.of() : likes.likedComments(viewerId, of.stream().map(Comment::id).toList());
    }

    private static Draft check(Draft draft, boolean withPictures) {
        String title = draft.title() == null ? "" : draft.title().strip();
        String body = draft.body() == null ? "" : draft.body().strip();
        String link = draft.link() == null || draft.link().isBlank() ? null : draft.link().strip();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (title.length() > TITLE_MAX || title.contains("\n")) {
            errors.add("title", "post.title-too-long", TITLE_MAX);
        }
        if (body.isEmpty() && link == null && !withPictures) {
            errors.add("body", "post.body-required");
        } else if (body.length() > BODY_MAX) {
            errors.add("body", "post.body-too-long", BODY_MAX);
        }
        if (link != null && !isWebLink(link)) {
            errors.add("link", "post.link-invalid", LINK_MAX);
        }
        String warning = draft.contentWarning() == null ? null : draft.contentWarning().strip();
        if (warning != null && (warning.length() > Post.WARNING_MAX || warning.contains("\n"))) {
            errors.add("contentWarning", "post.warning-too-long", Post.WARNING_MAX);
        }
        errors.throwIfAny();
        return new Draft(title, body, link, warning == null || warning.isEmpty() ? null : warning);
    }

    /** The same rule as the preview fetcher's: http or https, a host, no user name, at most 2000 characters. */
    static boolean isWebLink(String link) {
        try {
            LinkPreviews.normalise(link);
            return true;
        } catch (InvalidInput invalid) {
            return false;
        }
    }

    private static String checkComment(String body) {
        String checked = body == null ? "" : body.strip();
        if (checked.isEmpty()) {
            throw InvalidInput.of("body", "comment.body-required");
        }
        if (checked.length() > COMMENT_MAX) {
            throw InvalidInput.of("body", "comment.body-too-long", COMMENT_MAX);
        }
        return checked;
    }

    static void requireActive(Account account) {
        if (account == null || account.state() != AccountState.ACTIVE) {
            throw new Forbidden("group.active-members-only");
        }
    }

    Optional<Post> find(long id) {
        return posts.live(id);
    }
}
