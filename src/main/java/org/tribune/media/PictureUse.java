package org.tribune.media;

/** What a picture shows on: a post, a comment, a person (their avatar), a group's banner or icon, an event. */
public enum PictureUse {
    POST, COMMENT, AVATAR, BANNER, ICON, EVENT;

    /** Avatars and icons are square crops; the others keep the upload's proportions. */
    boolean square() {
        return this == AVATAR || this == ICON;
    }
}
