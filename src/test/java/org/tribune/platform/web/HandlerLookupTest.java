package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A mapping is passed over only when none of its patterns can match the path: the text before a pattern's first
 * variable or wildcard must begin the path, and a path with an escape in it is always weighed in full.
 */
class HandlerLookupTest {

    @Test
    void thePrefixOfAPatternIsItsTextBeforeTheFirstVariableOrWildcard() {
        assertThat(HandlerLookup.literalPrefix("/api/v1/groups/{slug}/posts")).isEqualTo("/api/v1/groups/");
        assertThat(HandlerLookup.literalPrefix("/@{handle}")).isEqualTo("/@");
        assertThat(HandlerLookup.literalPrefix("/img/**")).isEqualTo("/img/");
        assertThat(HandlerLookup.literalPrefix("/p/?")).isEqualTo("/p/");
        assertThat(HandlerLookup.literalPrefix("/settings")).isEqualTo("/settings");
        assertThat(HandlerLookup.literalPrefix("")).isEmpty();
    }

    @Test
    void onlyAMappingNoneOfWhosePrefixesBeginsThePathIsPassedOver() {
        String[] groupPosts = {"/api/v1/groups/"};
        assertThat(HandlerLookup.mayMatch(groupPosts, "/api/v1/groups/g3/posts")).isTrue();
        assertThat(HandlerLookup.mayMatch(groupPosts, "/api/v1/posts/12")).isFalse();
        assertThat(HandlerLookup.mayMatch(new String[] {"/p/", "/posts/"}, "/posts/12")).as("any of its patterns").isTrue();
        assertThat(HandlerLookup.mayMatch(new String[] {""}, "/anything")).as("no pattern: weighed in full").isTrue();
        assertThat(HandlerLookup.mayMatch(groupPosts, "/api/v1/g%72oups/g3/posts")).as("an escape: weighed in full").isTrue();
        assertThat(HandlerLookup.mayMatch(groupPosts, "/API/v1/groups/g3/posts")).as("patterns are case-sensitive").isFalse();
    }
}
