package org.tribune.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a text is taken to weigh on the heap: one byte a character when all are Latin-1, two otherwise. */
class HeapBytesTest {
    @Test
    void aLatin1TextWeighsOneByteACharacterAndAnotherTwo() {
        assertThat(HeapBytes.of("café au lait, s'il vous plaît")).isEqualTo(40 + 32); // 29 characters, aligned to 8
        assertThat(HeapBytes.of("Ωmega")).isEqualTo(40 + 16); // 5 characters of two bytes
        assertThat(HeapBytes.of("a".repeat(200) + "€")).isEqualTo(40 + 408);
    }

    @Test
    void textsAddUpAndAbsentOnesWeighNothing() {
        assertThat(HeapBytes.of("abcdefgh", null, "")).isEqualTo(40 + 8 + 40);
        assertThat(HeapBytes.of()).isZero();
        assertThat(HeapBytes.of((String) null)).isZero();
    }
}
