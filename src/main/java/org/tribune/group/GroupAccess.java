package org.tribune.group;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.tribune.account.Account;
import org.tribune.account.AccountState;

/**
 * Who may see, read, post in and moderate a group. Every feature that shows group content asks here, so the rules
 * live in one place: PUBLIC groups are read by anyone; PRIVATE and HIDDEN groups only by their members; HIDDEN
 * groups do not exist for anyone else; banned people are treated as non-members.
 */
@Service
public class GroupAccess {
    private final Groups groups;
    private final Memberships memberships;

    GroupAccess(Groups groups, Memberships memberships) {
        this.groups = groups;
        this.memberships = memberships;
    }

    /** A group by its slug, whatever its visibility: the caller decides what the viewer may know of it. */
    public Optional<Group> bySlug(String slug) {
        return groups.bySlug(slug);
    }

    public Optional<Group> group(long groupId) {
        return groups.byId(groupId);
    }

    public Map<Long, Group> groups(Collection<Long> ids) {
        return groups.byIds(ids).stream().collect(Collectors.toMap(Group::id, g -> g));
    }

    public Optional<Membership> membership(long groupId, Long viewerId) {
        return viewerId == null ? Optional.empty() : memberships.of(groupId, viewerId);
    }

    /** Whether the viewer may know the group exists (its name, its page). */
    public boolean canSee(Group group, Long viewerId) {
        return group.visibility() != Visibility.HIDDEN || membership(group.id(), viewerId).isPresent()
                || (viewerId != null && memberships.isInvited(group.id(), viewerId));
    }

    /** Whether the viewer may read the group's posts, comments, members and events. */
    public boolean canRead(Group group, Long viewerId) {
        return canRead(group, membership(group.id(), viewerId));
    }

    /** As {@link #canRead(Group, Long)}, for a viewer whose membership of the group is already known. */
    public boolean canRead(Group group, Optional<Membership> membership) {
        return group.visibility() == Visibility.PUBLIC || membership.isPresent();
    }

    public boolean canRead(long groupId, Long viewerId) {
        return groups.byId(groupId).map(g -> canRead(g, viewerId)).orElse(false);
    }

    /** Whether the account may post: an active member, and a moderator where only moderators post. */
    public boolean canPost(Group group, Account account) {
        return account.state() == AccountState.ACTIVE && canPost(group, account, membership(group.id(), account.id()));
    }

    /** As {@link #canPost(Group, Account)}, for an account whose membership of the group is already known. */
    public boolean canPost(Group group, Account account, Optional<Membership> membership) {
        if (account.state() != AccountState.ACTIVE) {
            return false;
        }
        return membership.map(m -> !group.moderatorsOnlyPosting() || m.canModerate()).orElse(false);
    }

    /** Whether the account may comment and like in the group: an active member (any member may reply). */
    public boolean canTakePart(Group group, Account account) {
        return account.state() == AccountState.ACTIVE && membership(group.id(), account.id()).isPresent();
    }

    public boolean canModerate(long groupId, Long accountId) {
        return membership(groupId, accountId).map(Membership::canModerate).orElse(false);
    }

    /** The owners and moderators of the group: who decides on requests to join. */
    public Set<Long> moderatorIds(long groupId) {
        return memberships.moderators(groupId).stream().map(Membership::accountId).collect(Collectors.toSet());
    }

    /** Every group, whatever its visibility, after {@code afterId} in id order: for the search index only. */
    public List<Group> groupsAfter(long afterId, int limit) {
        return groups.after(afterId, limit);
    }

    /**
     * Public groups with activity since {@code since} that this person is neither in nor banned from, most recently
     * active first (at most {@code limit}): where to look for posts to suggest to them.
     */
    public List<Long> activePublicGroupIdsFor(long accountId, java.time.Instant since, int limit) {
        Set<Long> mine = memberGroupIds(accountId);
        Set<Long> banned = memberships.bannedGroupIds(accountId);
        return groups.activePublicIds(since, limit + mine.size() + banned.size()).stream()
                .filter(id -> !mine.contains(id) && !banned.contains(id)).limit(limit).toList();
    }

    /** The groups whose posts belong in the account's home feed. */
    public Set<Long> memberGroupIds(long accountId) {
        return memberships.groupIdsOf(accountId);
    }

    /** Of these groups, the ones the viewer may read. */
    public Set<Long> readable(Collection<Long> groupIds, Long viewerId) {
        return readableGroups(groupIds, viewerId).keySet();
    }

    /**
     * Of these groups, the ones the viewer may read (as {@link #canRead}), by id. The groups come from this node's
     * cache; whether the viewer is a member of the private and hidden ones among them is asked of the database every
     * time (one query, only when there are such groups), so that no one removed from a group reads it on any node.
     */
    public Map<Long, Group> readableGroups(Collection<Long> groupIds, Long viewerId) {
        Map<Long, Group> found = groups(Set.copyOf(groupIds));
        Set<Long> closed = found.values().stream().filter(g -> !g.isPublic()).map(Group::id).collect(Collectors.toSet());
        if (closed.isEmpty()) {
            return found;
        }
        Set<Long> member = viewerId == null ? Set.of() : memberships.memberOf(viewerId, closed);
        Map<Long, Group> readable = new java.util.HashMap<>(found);
        closed.stream().filter(id -> !member.contains(id)).forEach(readable::remove);
        return readable;
    }
}
