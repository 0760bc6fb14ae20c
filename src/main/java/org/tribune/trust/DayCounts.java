package org.tribune.trust;

import java.time.LocalDate;

/** What one person did on one day, as a node counted it since its last flush (or as read back from the table). */
record DayCounts(long accountId, LocalDate day, boolean visited, int postsEntered, int postsRead, int readingSeconds,
        int likesGiven, int likesReceived, int replies) {

    DayCounts plus(DayCounts other) {
        return new DayCounts(accountId, day, visited || other.visited, postsEntered + other.postsEntered,
                postsRead + other.postsRead, readingSeconds + other.readingSeconds, likesGiven + other.likesGiven,
                likesReceived + other.likesReceived, replies + other.replies);
    }

    static DayCounts none(long accountId, LocalDate day) {
        return new DayCounts(accountId, day, false, 0, 0, 0, 0, 0, 0);
    }
}
