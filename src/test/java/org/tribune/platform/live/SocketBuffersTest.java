package org.tribune.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tomcat.util.net.SocketBufferHandler;
import org.junit.jupiter.api.Test;

/** The swap of a stream's write buffer, against the Tomcat on the class path (it replaces a private field). */
class SocketBuffersTest {

    @Test
    void anEmptyLargeWriteBufferIsReplacedByASmallOne() {
        SocketBufferHandler buffers = new SocketBufferHandler(4096, 65536, false);

        assertThat(SocketBuffers.forStream(buffers)).isTrue();

        assertThat(buffers.getWriteBuffer().capacity()).isEqualTo(4096);
        assertThat(buffers.isWriteBufferWritable()).isTrue();
        assertThat(buffers.getReadBuffer().capacity()).isEqualTo(4096);
        buffers.getWriteBuffer().put(new byte[100]);
        buffers.configureWriteBufferForRead();
        assertThat(buffers.getWriteBuffer().remaining()).isEqualTo(100);
    }

    @Test
    void aBufferStillHoldingBytesIsLeftAlone() {
        SocketBufferHandler buffers = new SocketBufferHandler(4096, 65536, false);
        buffers.getWriteBuffer().put((byte) 1);

        assertThat(SocketBuffers.forStream(buffers)).isFalse();

        assertThat(buffers.getWriteBuffer().capacity()).isEqualTo(65536);
        assertThat(buffers.getWriteBuffer().position()).isEqualTo(1);
    }

    @Test
    void aSmallBufferIsKept() {
        SocketBufferHandler buffers = new SocketBufferHandler(4096, 4096, false);

        assertThat(SocketBuffers.forStream(buffers)).isFalse();
        assertThat(buffers.getWriteBuffer().capacity()).isEqualTo(4096);
    }
}
