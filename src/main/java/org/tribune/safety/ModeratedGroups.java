package org.tribune.safety;

import org.tribune.account.Account;

/**
 * The doors of a group's filters, answered by the group feature (which itself asks safety who may invite whom, so
 * safety cannot ask it directly): a group the person moderates, or the refusal the group feature gives for its other
 * moderator-only doors.
 */
public interface ModeratedGroups {

    /** A group someone moderates, as its filters' pages need it. */
    record ModeratedGroup(long id, String slug, String name) {
    }

    /**
     * The group at this address when the person moderates it. Throws {@code NotFound} when it is hidden from them or
     * private and they are not a member, {@code Forbidden} when they may see it but do not moderate it.
     */
    ModeratedGroup moderatedBy(String slug, Account person);
}
