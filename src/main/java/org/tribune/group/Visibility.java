package org.tribune.group;

/** Who may see a group and its content. */
public enum Visibility {
    /** Anyone, even visitors, reads it. */
    PUBLIC,
    /** Listed and findable by name; only members see posts, members and events. */
    PRIVATE,
    /** Not listed, not findable; non-members are told it does not exist. */
    HIDDEN
}
