package org.tribune.moderation;

/**
 * A line of the public moderation log as a reader sees it: the action, the moderator's handle (null when the
 * community's flags acted), the handle of the person sanctioned for account actions only, and a link to the content
 * when the reader may open it.
 */
public record LogEntry(ModerationAction action, String moderatorHandle, String subjectHandle, String groupName,
        String link) {
}
