package org.tribune.notification;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.tribune.post.PostTexts;
import org.tribune.safety.FilterMatcher;
import org.tribune.safety.WordFilter;
import org.tribune.safety.WordFilters;

/**
 * The recipient's NOTIFICATIONS word filters, matched against the subject of each notification: the comment it is
 * about (body and warning) or else the post (title, body, warning, link summary). The words come from the post
 * module's public {@link PostTexts}, two queries per list at most, none for someone without such filters. One's own
 * words are never filtered (a like of your post stays), nor moderation notices (see
 * {@link NotificationKind#hasFilterableSubject()}).
 */
@Component
class SubjectFilters {
    private final WordFilters filters;
    private final PostTexts texts;

    SubjectFilters(WordFilters filters, PostTexts texts) {
        this.filters = filters;
        this.texts = texts;
    }

    /** For these rows, what each one's subject matched (null: nothing, or not to be filtered). */
    Function<Notification, FilterMatcher.Match> of(long recipientId, List<Notification> rows) {
        FilterMatcher matcher = filters.filtersFor(recipientId, WordFilter.Context.NOTIFICATIONS);
        if (matcher.isEmpty()) {
            return row -> null;
        }
        Set<Long> commentIds = new HashSet<>();
        Set<Long> postIds = new HashSet<>();
        for (Notification row : rows) {
            if (!row.kind().hasFilterableSubject()) {
                continue;
            }
            if (row.commentId() != null) {
                commentIds.add(row.commentId());
            } else if (row.postId() != null) {
                postIds.add(row.postId());
            }
        }
        Map<Long, PostTexts.Words> comments = texts.ofComments(commentIds);
        Map<Long, PostTexts.Words> posts = texts.ofPosts(postIds);
        return row -> {
            if (!row.kind().hasFilterableSubject()) {
                return null;
            }
            PostTexts.Words words = row.commentId() != null ? comments.get(row.commentId())
                    : row.postId() == null ? null : posts.get(row.postId());
            if (words == null || words.authorId() == recipientId) {
                return null;
            }
            return matcher.match(words.texts().toArray(String[]::new));
        };
    }
}
