package org.tribune.account;

/**
 * What a person shows and to whom: the profile's details (bio, avatar, join date), the groups they are in, whom they
 * follow and who follows them; who may mention them; whether search engines may index their profile; and whether
 * members may find them by name in Tribune's own search ({@code findable}).
 */
public record PrivacySettings(Audience profile, Audience groups, Audience follows, MentionPolicy mentions,
        boolean indexable, boolean findable) {

    /**
     * For anyone who never changed them. Search engines stay away unless the person asks otherwise; members find each
     * other by name unless the person asks otherwise (people join to find each other).
     */
    public static final PrivacySettings DEFAULTS = new PrivacySettings(Audience.EVERYONE, Audience.EVERYONE,
            Audience.EVERYONE, MentionPolicy.EVERYONE, false, true);

    /** Settings that leave finding by name at its default, on. */
    public PrivacySettings(Audience profile, Audience groups, Audience follows, MentionPolicy mentions, boolean indexable) {
        this(profile, groups, follows, mentions, indexable, true);
    }
}
