package org.tribune.platform.web;

import java.time.ZoneId;
import java.util.Locale;

/** The signed-in person reading a page, as pages need them; the account feature supplies it per request. */
public interface Viewer {
    /** Request attribute under which the current viewer is kept for the length of a request. */
    String ATTRIBUTE = Viewer.class.getName();

    long id();

    String handle();

    String displayName();

    Locale locale();

    ZoneId zone();

    boolean isAdmin();

    boolean isModerator();

    boolean isTreasurer();
}
