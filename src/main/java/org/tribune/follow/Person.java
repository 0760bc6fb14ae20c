package org.tribune.follow;

/** Someone in a list of followers or followed people: public fields only. */
public record Person(long id, String handle, String displayName) {
}
