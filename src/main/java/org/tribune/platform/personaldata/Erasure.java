package org.tribune.platform.personaldata;

/**
 * How a person chose to leave. With {@code deleteContent}, their posts and comments are deleted; without, they stay
 * and are shown as written by "former member". Wiki revisions always stay (the content belongs to the community)
 * and are attributed to "former member" once the account is anonymised.
 */
public record Erasure(boolean deleteContent) {
}
