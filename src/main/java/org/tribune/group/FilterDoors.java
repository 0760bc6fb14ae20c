package org.tribune.group;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.platform.Forbidden;
import org.tribune.platform.NotFound;
import org.tribune.safety.ModeratedGroups;

/**
 * Who may manage a group's filters (kept by safety): its moderators. Like the group's other moderator-only doors, a
 * member who does not moderate is refused (403); someone who may not read the group (hidden, or private and not a
 * member) finds nothing (404), so that the door says nothing about a group they may not read.
 */
@Component
class FilterDoors implements ModeratedGroups {
    private final GroupService groups;
    private final GroupAccess access;

    FilterDoors(GroupService groups, GroupAccess access) {
        this.groups = groups;
        this.access = access;
    }

    @Override
    public ModeratedGroup moderatedBy(String slug, Account person) {
        Group group = groups.visibleTo(slug, person);
        Long personId = person == null ? null : person.id();
        if (!access.canRead(group, personId)) {
            throw new NotFound("group");
        }
        if (!access.canModerate(group.id(), personId)) {
            throw new Forbidden("group.moderators-only");
        }
        return new ModeratedGroup(group.id(), group.slug(), group.name());
    }
}
