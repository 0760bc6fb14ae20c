package org.tribune.account;

/**
 * What a person shows and to whom: the profile's details (bio, avatar, join date), the groups they are in, whom they
 * follow and who follows them; who may mention them; and whether search engines may index their profile.
 */
public record PrivacySettings(Audience profile, Audience groups, Audience follows, MentionPolicy mentions,
        boolean indexable) {

    /** For anyone who never changed them. Search engines stay away unless the person asks otherwise. */
    public static final PrivacySettings DEFAULTS = new PrivacySettings(Audience.EVERYONE, Audience.EVERYONE,
            Audience.EVERYONE, MentionPolicy.EVERYONE, false);
}
