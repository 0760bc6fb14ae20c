package org.tribune.group;

/** How people join a group. */
public enum JoinPolicy {
    /** Anyone who may see the group joins at once. */
    OPEN,
    /** Applicants answer the group's questions; moderators approve or decline. */
    REQUEST,
    /** Only people a moderator invited may join. */
    INVITE
}
