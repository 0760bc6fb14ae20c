package org.tribune.trust;

/**
 * What one person did over a period (all time, or the level 3 window), as the level rules read it.
 *
 * @param replies          comments on other people's posts
 * @param replyThreads     distinct posts of others they commented on
 * @param distinctLikers   how many different people liked their posts and comments
 * @param upheldFlags      flags against their content that moderators upheld
 */
public record Activity(long daysVisited, long postsEntered, long postsRead, long readingSeconds, long likesGiven,
        long likesReceived, long replies, long replyThreads, long distinctLikers, long upheldFlags) {

    public static final Activity NONE = new Activity(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public long minutesReading() {
        return readingSeconds / 60;
    }
}
