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
}
