package org.tribune.platform.live;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;

import org.apache.tomcat.util.net.SocketBufferHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The buffers Tomcat keeps for every open connection (its default is 8 KiB each).
 *
 * <p>Tomcat writes a response to the socket one write buffer at a time, a system call each: a feed page of about
 * 70 KiB took 17 writes with 4 KiB, and those writes were a fifth of the page's CPU (measured: 12% more pages a second
 * with 64 KiB). So responses get a large write buffer ({@code tribune.socket-write-buffer-size}). A live page keeps its
 * connection open for hours, though, and 10,000 of them must fit in the heap: once handed over ({@link UpgradedStream})
 * a stream gets a small write buffer instead ({@link #forStream}), and its read buffer was small from the start
 * ({@code tribune.socket-buffer-size}), so an open live page costs about 10 KiB.
 *
 * <p>Tomcat keeps the objects of closed connections, buffers included, for the next ones: without that cache, new
 * posts (a connection each, often) went 15% slower, making 68 KiB of buffers each time. A connection that was a live
 * stream comes back from it with its small write buffer, and writes in 4 KiB pieces, as all did before.
 */
@Configuration(proxyBeanMethods = false)
class SocketBuffers {
    private static final Logger log = LoggerFactory.getLogger(SocketBuffers.class);
    /** The write buffer a live stream keeps: its events are small, and written one at a time. */
    private static volatile int streamBytes = 4096;
    private static final Field WRITE_BUFFER = writeBufferField();

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> socketBufferSize(
            @Value("${tribune.socket-buffer-size:4KB}") DataSize small,
            @Value("${tribune.socket-write-buffer-size:64KB}") DataSize write) {
        streamBytes = Math.toIntExact(small.toBytes());
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (!connector.setProperty("socket.appReadBufSize", Long.toString(small.toBytes()))
                    || !connector.setProperty("socket.appWriteBufSize", Long.toString(write.toBytes()))) {
                throw new IllegalStateException("Tomcat did not take the socket buffer sizes " + small + " and " + write);
            }
        });
    }

    /**
     * Gives a connection handed over to a live stream a small write buffer. Tomcat has no setting for it, so the field
     * is replaced; the buffer is empty at this point (the response headers were sent before the hand-over). Without
     * the field (another Tomcat), the stream keeps the large buffer: it works, it only costs more memory.
     *
     * @return whether the buffer was replaced
     */
    static boolean forStream(SocketBufferHandler buffers) {
        if (WRITE_BUFFER == null || !buffers.isWriteBufferEmpty() || buffers.getWriteBuffer().capacity() <= streamBytes) {
            return false;
        }
        buffers.configureWriteBufferForWrite();
        try {
            WRITE_BUFFER.set(buffers, buffers.getWriteBuffer().isDirect()
                    ? ByteBuffer.allocateDirect(streamBytes) : ByteBuffer.allocate(streamBytes));
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static Field writeBufferField() {
        try {
            Field field = SocketBufferHandler.class.getDeclaredField("writeBuffer");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("live streams keep the full write buffer: Tomcat's SocketBufferHandler has no writeBuffer field ({})", e.toString());
            return null;
        }
    }
}
