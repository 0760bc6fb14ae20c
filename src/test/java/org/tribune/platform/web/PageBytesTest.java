package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A page's bytes are the UTF-8 of what the template wrote, in order, however it was written and however long. */
class PageBytesTest {

    @Test
    void textOfEveryKindComesOutAsUtf8InOrder() throws Exception {
        PageBytes page = new PageBytes(16);
        StringBuilder expected = new StringBuilder();
        String[] pieces = {"<p>", "École élections", "</p>", "naïve 😀 emoji, 中文", "", "plain ascii & <b>"};
        for (int round = 0; round < 200; round++) {
            for (String piece : pieces) {
                page.writeContent(piece);
                expected.append(piece);
            }
            page.writeContent("xx«range»yy", 2, 9);
            expected.append("«range»");
            byte[] stat = "<li class=\"static\">".getBytes(StandardCharsets.UTF_8);
            page.writeBinaryContent(stat);
            expected.append("<li class=\"static\">");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        page.writeTo(out);
        byte[] want = expected.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(page.length()).isEqualTo(want.length);
        assertThat(out.toByteArray()).isEqualTo(want);
    }

    @Test
    void aRangeThatStartsAfterTheFirstNonAsciiCharacterIsEncodedFromItsOwnStart() throws Exception {
        PageBytes page = new PageBytes(1);
        page.writeContent("é😀abc", 1, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        page.writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("😀ab");
    }

    @Test
    void aPageWrittenIntoAnArrayThatHeldAnotherShowsOnlyItsOwnBytes() throws Exception {
        PageBuffers buffers = new PageBuffers(2, 64, 256);
        PageBytes first = new PageBytes(buffers.take());
        first.writeContent("a secret line of someone else's page, long enough to grow past the first array");
        buffers.give(first.array());
        assertThat(buffers.free()).isEqualTo(1);

        PageBytes second = new PageBytes(buffers.take());
        assertThat(second.array()).isSameAs(first.array());
        second.writeContent("short");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        second.writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("short");
        assertThat(second.length()).isEqualTo(5);
    }

    @Test
    void thePoolKeepsNoMoreArraysThanItsSizeAndNoneTooLargeOrTooSmall() {
        PageBuffers buffers = new PageBuffers(2, 64, 256);
        buffers.give(new byte[64]);
        buffers.give(new byte[128]);
        buffers.give(new byte[64]);
        assertThat(buffers.free()).as("full at two").isEqualTo(2);
        buffers.take();
        buffers.take();
        buffers.give(new byte[512]);
        buffers.give(new byte[16]);
        assertThat(buffers.free()).as("grown past the largest kept, or smaller than a page's first array").isZero();
        assertThat(buffers.take()).as("none free: a new one").hasSize(64);
    }
}
