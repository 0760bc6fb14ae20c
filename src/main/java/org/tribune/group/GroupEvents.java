package org.tribune.group;

/** What happens in groups that other features react to. */
public final class GroupEvents {
    private GroupEvents() {
    }

    public record GroupCreated(long groupId, long ownerId) {
    }

    /** Its name, description, language or visibility may have changed. */
    public record GroupUpdated(long groupId) {
    }

    public record MemberJoined(long groupId, long accountId) {
    }

    /** Left, removed or banned: whatever they could see only as a member is out of their reach now. */
    public record MemberLeft(long groupId, long accountId) {
    }

    public record JoinRequested(long groupId, long requestId, long accountId) {
    }

    public record JoinApproved(long groupId, long accountId, long moderatorId) {
    }

    public record Invited(long groupId, long accountId, long moderatorId) {
    }
}
