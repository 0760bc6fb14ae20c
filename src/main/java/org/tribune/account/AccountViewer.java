package org.tribune.account;

import java.time.ZoneId;
import java.util.Locale;

import org.tribune.platform.web.Viewer;

/** The signed-in account as pages see it for one request. */
record AccountViewer(Account account) implements Viewer {
    @Override
    public long id() {
        return account.id();
    }

    @Override
    public String handle() {
        return account.handle();
    }

    @Override
    public String displayName() {
        return account.displayName();
    }

    @Override
    public Locale locale() {
        return account.language();
    }

    @Override
    public ZoneId zone() {
        return account.zone();
    }

    @Override
    public boolean isAdmin() {
        return account.role() == Role.ADMIN;
    }

    @Override
    public boolean isModerator() {
        return account.role() == Role.MODERATOR || account.role() == Role.ADMIN;
    }

    @Override
    public boolean isTreasurer() {
        return account.role() == Role.TREASURER || account.role() == Role.ADMIN;
    }
}
