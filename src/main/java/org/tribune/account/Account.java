package org.tribune.account;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** A person's account as every feature may know it; the password hash stays inside this package. */
public record Account(long id, String handle, String email, String displayName, String bio, String locale,
        String timeZone, AccountState state, Role role, Instant createdAt, Instant verifiedAt) {

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
