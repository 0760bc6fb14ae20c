package org.tribune.feed;

/** Why a post is in someone's home feed. */
public record Reason(Kind kind, String name, String target) {
    public enum Kind {
        /** You wrote it. */
        OWN,
        /** It was posted in a group you are in; {@code name} is the group, {@code target} its slug. */
        IN_GROUP,
        /** Someone you follow wrote it; {@code name} is their handle. */
        FOLLOWING,
        /**
         * Your feed was quiet, so a recent post of an active public group you are not in is suggested; {@code name} is
         * the group, {@code target} its slug.
         */
        SUGGESTED
    }

    static Reason own() {
        return new Reason(Kind.OWN, null, null);
    }

    static Reason inGroup(String name, String slug) {
        return new Reason(Kind.IN_GROUP, name, slug);
    }

    static Reason suggested(String groupName, String slug) {
        return new Reason(Kind.SUGGESTED, groupName, slug);
    }

    public boolean isSuggestion() {
        return kind == Kind.SUGGESTED;
    }

    static Reason following(String handle) {
        return new Reason(Kind.FOLLOWING, handle, handle);
    }
}
