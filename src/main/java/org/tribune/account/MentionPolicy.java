package org.tribune.account;

/** Who may @mention someone (and so notify them). */
public enum MentionPolicy { EVERYONE, FOLLOWED, NOBODY }
