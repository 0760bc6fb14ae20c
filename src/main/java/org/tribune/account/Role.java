package org.tribune.account;

/** Site-wide roles. Group roles (owner, group moderator) belong to groups. */
public enum Role {
    MEMBER, MODERATOR, TREASURER, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
