package org.tribune.moderation;

/** What a flag or a moderation action is about. */
public enum TargetKind {
    POST, COMMENT, ACCOUNT
}
