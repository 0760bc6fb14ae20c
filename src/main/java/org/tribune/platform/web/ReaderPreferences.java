package org.tribune.platform.web;

/**
 * How the signed-in reader wants some things shown on every page. The safety feature supplies it (content warnings
 * always open, a setting of theirs); without it, pages use the defaults.
 */
public interface ReaderPreferences {

    /** Whether content warnings are shown open for this reader instead of folded. */
    boolean opensWarnings(long accountId);
}
