package org.tribune.account;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A person's account as every feature may know it; the password hash stays inside this package. {@code avatar} is
 * where their picture's smallest size is ({@code <picture id>/<width>}), null when they have none.
 */
public record Account(long id, String handle, String email, String displayName, String bio, String locale,
        String timeZone, AccountState state, Role role, Instant createdAt, Instant verifiedAt, String avatar) {

    public Account(long id, String handle, String email, String displayName, String bio, String locale,
            String timeZone, AccountState state, Role role, Instant createdAt, Instant verifiedAt) {
        this(id, handle, email, displayName, bio, locale, timeZone, state, role, createdAt, verifiedAt, null);
    }

    /** The address of their picture (a small square JPEG served through the pictures' checks), or null. */
    public String avatarUrl() {
        // a name without "/" is a picture of an earlier version (a file of <data dir>/avatars), no longer served
        return avatar == null || !avatar.contains("/") || state == AccountState.DELETED ? null : "/media/" + avatar + ".jpg";
    }

    public Locale language() {
        return Locale.forLanguageTag(locale);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean isActive() {
        return state == AccountState.ACTIVE;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
