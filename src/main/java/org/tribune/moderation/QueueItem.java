package org.tribune.moderation;

import java.util.Map;

import org.tribune.post.Post;

/**
 * Flagged content waiting for a moderator: the post (and the comment's text when a comment was flagged), how many
 * flags of each reason, how many flaggers and how much their flags weigh. Never who flagged.
 */
public record QueueItem(TargetKind kind, long targetId, Post post, String commentHtml, long authorId,
        Map<FlagReason, Integer> reasons, int flaggers, double weight, boolean hidden) {
}
