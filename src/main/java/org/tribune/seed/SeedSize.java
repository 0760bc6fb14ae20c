package org.tribune.seed;

import java.util.Locale;

/** How big a community to make. Small is one hundredth of medium, for quick runs. */
public enum SeedSize {
    SMALL(1_000, 100, 10_000, 20_000),
    MEDIUM(100_000, 10_000, 1_000_000, 2_000_000);

    /** Average groups each person joins and people each person follows, whatever the size. */
    static final int MEMBERSHIPS_PER_USER = 20;
    static final int FOLLOWS_PER_USER = 30;

    final int users;
    final int groups;
    final int posts;
    final int comments;

    SeedSize(int users, int groups, int posts, int comments) {
        this.users = users;
        this.groups = groups;
        this.posts = posts;
        this.comments = comments;
    }

    static SeedSize parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown seed size '" + name + "': use small or medium");
        }
    }
}
