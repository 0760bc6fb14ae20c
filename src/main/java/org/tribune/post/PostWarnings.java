package org.tribune.post;

import java.time.Clock;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.safety.GroupFilters;

/**
 * Content warnings put on a post after it was published: by its author (add, change, remove) or by a moderator of
 * its group. Each change is published as {@link PostEvents.PostWarningChanged}, which the wiki keeps as a revision
 * by whoever made it. Warnings written with a post or a comment, and a comment's own, go through {@link PostService}.
 */
@Service
public class PostWarnings {
    private static final Logger log = LoggerFactory.getLogger(PostWarnings.class);

    private final PostService reading;
    private final Posts posts;
    private final ContentModerators moderators;
    private final GroupScreening screening;
    private final Restrictions restrictions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostWarnings(PostService reading, Posts posts, ContentModerators moderators, GroupScreening screening,
            Restrictions restrictions, ApplicationEventPublisher events, Clock clock) {
        this.reading = reading;
        this.posts = posts;
        this.moderators = moderators;
        this.screening = screening;
        this.restrictions = restrictions;
        this.events = events;
        this.clock = clock;
    }

    /** A content warning as kept: one line of at most {@value Post#WARNING_MAX} characters, null when empty. */
    static String checkWarning(String warning) {
        String kept = warning == null ? "" : warning.strip();
        if (kept.length() > Post.WARNING_MAX || kept.contains("\n")) {
            throw InvalidInput.of("contentWarning", "post.warning-too-long", Post.WARNING_MAX);
        }
        return kept.isEmpty() ? null : kept;
    }

    /**
     * A moderator of the post's group puts a content warning on it (or changes it): the caller writes it to the
     * public moderation log. Only for posts in a group the actor moderates.
     */
    @Transactional
    public Post addWarning(Account moderator, long postId, String warning) {
        Post post = reading.read(postId, moderator.id());
        if (post.groupId() == null || !moderators.moderates(post.groupId(), moderator.id())) {
            throw new Forbidden("moderation.moderators-only");
        }
        String kept = checkWarning(warning);
        if (kept == null) {
            throw InvalidInput.of("contentWarning", "post.warning-required");
        }
        posts.warn(postId, kept);
        if (!kept.equals(post.contentWarning())) {
            events.publishEvent(new PostEvents.PostWarningChanged(postId, moderator.id(), post.contentWarning(), kept));
        }
        return posts.live(postId).orElseThrow(() -> new NotFound("post"));
    }

    /**
     * The author puts a content warning on their post after publishing, changes it or removes it (blank). Each
     * change is a revision of the post by its author, in its history like an edit (the wiki records it). A
     * moderator's warning goes through {@link #addWarning} (and the public moderation log); the author may change
     * that one too, as they may edit their text. The group's filters read the new warning.
     */
    @Transactional
    public Post changeWarning(Account author, long postId, String warning) {
        Post post = reading.read(postId, author.id());
        if (post.authorId() != author.id()) {
            throw new Forbidden("post.not-yours");
        }
        PostService.requireActive(author);
        String kept = checkWarning(warning);
        if (Objects.equals(kept, post.contentWarning())) {
            return post;
        }
        GroupFilters.Screening hold = screening.screen(post.groupId(), author.id(), postId, false, post.title(),
                post.body(), post.linkUrl(), post.linkSummary(), kept);
        posts.warn(postId, kept);
        logChange(postId, null, kept);
        events.publishEvent(new PostEvents.PostWarningChanged(postId, author.id(), post.contentWarning(), kept));
        if (hold != null && restrictions.hidePost(postId, clock.instant())) {
            screening.held(hold, null, postId, post.groupId(), author.id());
        }
        events.publishEvent(new PostEvents.PostEdited(postId, author.id()));
        return posts.live(postId).orElseThrow(() -> new NotFound("post"));
    }

    /** An author's change of warning, in the server's log. */
    static void logChange(long postId, Long commentId, String warning) {
        // Ids only: the warning itself is in the post, and the log outlives an erasure.
        log.info("content warning {} by its author on post {}{}", warning == null ? "removed" : "set", postId,
                commentId == null ? "" : " comment " + commentId);
    }
}
