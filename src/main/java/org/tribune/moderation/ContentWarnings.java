package org.tribune.moderation;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Ids;
import org.tribune.post.Post;
import org.tribune.post.PostWarnings;

/**
 * Moderators put a content warning on a post in their group: the body folds behind it for every reader, the action
 * goes to the public moderation log like any other, and the author is told (a moderator's action is never hidden
 * from the person it concerns, whatever they blocked).
 */
@Service
public class ContentWarnings {
    private final PostWarnings posts;
    private final ModerationLog log;
    private final Moderators moderators;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;

    ContentWarnings(PostWarnings posts, ModerationLog log, Moderators moderators, ApplicationEventPublisher events, Ids ids,
            Clock clock) {
        this.posts = posts;
        this.log = log;
        this.moderators = moderators;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** Adds (or changes) the warning; only moderators of the post's group may (403 otherwise). */
    @Transactional
    public ModerationAction warn(Account moderator, long postId, String warning) {
        Post post = posts.addWarning(moderator, postId, warning);
        ModerationAction action = new ModerationAction(ids.next(), ModerationAction.Action.WARN, TargetKind.POST, postId,
                postId, post.groupId(), post.authorId(), moderator.id(), moderators.role(moderator, post.groupId()),
                "content-warning", post.contentWarning(), null, clock.instant(), null);
        log.insert(action);
        if (post.authorId() != moderator.id()) {
            events.publishEvent(new ModerationEvents.ActionTaken(action.id(), post.authorId(), moderator.id(), postId));
        }
        return action;
    }
}
