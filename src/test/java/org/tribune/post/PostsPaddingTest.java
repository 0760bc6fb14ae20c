package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The feed query pads its sources so that its text, and so its cached plan, is shared by many people. */
class PostsPaddingTest {
    @Test
    void padsToTheNextPowerOfTwoWithIdsThatMatchNothing() {
        assertThat(Posts.padded(List.of())).isEmpty();
        assertThat(Posts.padded(List.of(7L))).containsExactly(7L);
        assertThat(Posts.padded(List.of(7L, 8L))).containsExactly(7L, 8L);
        assertThat(Posts.padded(List.of(7L, 8L, 9L))).containsExactly(7L, 8L, 9L, -1L);
        assertThat(Posts.padded(List.of(1L, 2L, 3L, 4L, 5L))).hasSize(8).endsWith(-1L, -1L, -1L);
        assertThat(Posts.padded(java.util.stream.LongStream.rangeClosed(1, 33).boxed().toList())).hasSize(64);
        assertThat(Posts.padded(java.util.stream.LongStream.rangeClosed(1, 32).boxed().toList())).hasSize(32);
    }
}
