package org.tribune.post;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.platform.InvalidInput;
import org.tribune.safety.GroupFilters;

/**
 * Asks the group's filters about a post, a comment or an edit before it is saved. A refusal is published in a
 * transaction of its own (the moderation log keeps it although the caller's transaction rolls back) and then
 * thrown as invalid input naming the filter, so that forms come back filled and the API answers a problem detail.
 */
@Component
class GroupScreening {
    private final GroupFilters filters;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate apart;

    GroupScreening(GroupFilters filters, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.filters = filters;
        this.events = events;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The hold that applies to these texts, or null; throws when a filter refuses them.
     *
     * @param postId the post (null for a new post)
     * @param comment whether a comment (new or edited) is screened
     */
    GroupFilters.Screening screen(Long groupId, long authorId, Long postId, boolean comment, String... texts) {
        GroupFilters.Screening found = filters.screen(groupId, texts);
        if (found == null || !found.refuses()) {
            return found;
        }
        apart.executeWithoutResult(status -> events.publishEvent(new PostEvents.RefusedByGroupFilter(postId, comment,
                groupId, authorId, found.filterId(), found.phrase())));
        throw InvalidInput.of("body", "post.refused-by-group-filter", found.phrase());
    }

    /** Tells moderation that something was held (after it was saved and hidden, in the caller's transaction). */
    void held(GroupFilters.Screening hold, Long commentId, long postId, long groupId, long authorId) {
        events.publishEvent(new PostEvents.HeldByGroupFilter(commentId, postId, groupId, authorId, hold.filterId(),
                hold.phrase()));
    }
}
