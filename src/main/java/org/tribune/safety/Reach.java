package org.tribune.safety;

/**
 * Who may reach a person: reply under their profile posts, invite them to groups; whether notifications from people
 * they do not follow, or from accounts younger than {@code requestsYoungerDays} days, go to a separate "requests" tab;
 * and whether content warnings are always open for them. Who may mention them is their account's privacy setting.
 */
public record Reach(Audience profileReplies, Audience groupInvitations, boolean requestsTab, int requestsYoungerDays,
        boolean openWarnings) {

    public static final int MAX_DAYS = 365;

    /** For anyone who never changed them: everyone may reach them, no requests tab, warnings folded. */
    public static final Reach DEFAULTS = new Reach(Audience.EVERYONE, Audience.EVERYONE, false, 0, false);

    /** Who among others is let in. */
    public enum Audience {
        EVERYONE,
        /** Only people the person follows. */
        FOLLOWING,
        NOBODY
    }
}
