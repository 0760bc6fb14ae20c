package org.tribune.platform.live;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.servlet.http.WebConnection;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * An event stream that keeps only its socket. While a servlet request is open, Tomcat keeps for it a request
 * processor with its header, body and character buffers: about 130 KiB of heap per connection, measured, so 10,000
 * open pages would need over a gigabyte. Once {@code /live} has sent its response headers (with
 * {@code Connection: close}, so that the body is simply what follows, up to the end of the connection), the request
 * is handed over to this handler, the way WebSocket does it: Tomcat recycles the processor and this class writes the
 * events straight to the socket, whose two buffers (both small, see {@link SocketBuffers}) are then all the
 * connection costs.
 *
 * <p>Tomcat creates it (hence public, with a public constructor) when the controller calls
 * {@code request.upgrade(UpgradedStream.class)}, and calls {@link #init} once the request has ended.
 */
public final class UpgradedStream implements InternalHttpUpgradeHandler, LiveSink {
    /** A client that does not take an event within this long is gone: the write fails and the stream ends. */
    static final long WRITE_TIMEOUT_MILLIS = 30_000;

    private volatile SocketWrapperBase<?> socket;
    private volatile Consumer<LiveSink> whenOpen = LiveSink::close;
    private volatile Runnable onEnd = () -> { };
    private final AtomicBoolean ended = new AtomicBoolean();

    public UpgradedStream() {
        // created by Tomcat
    }

    /** What to do with this stream once Tomcat has handed the connection over. */
    void whenOpen(Consumer<LiveSink> action) {
        this.whenOpen = action;
    }

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        this.socket = wrapper;
        wrapper.setWriteTimeout(WRITE_TIMEOUT_MILLIS);
        // The socket still points to the input buffer of the processor that read the request, and through it to the
        // whole processor: measured, a few hundred processors (about 90 KiB each) beyond Tomcat's cache stayed alive
        // as long as the streams they had served. Nothing of the request is read any more.
        wrapper.setAppReadBufHandler(ApplicationBufferHandler.EMPTY);
        SocketBuffers.forStream(wrapper.getSocketBufferHandler());
    }

    /** The capacity of the connection's write buffer (for tests). */
    int writeBufferBytes() {
        return socket.getSocketBufferHandler().getWriteBuffer().capacity();
    }

    @Override
    public void init(WebConnection connection) {
        whenOpen.accept(this);
    }

    /**
     * Tomcat calls this when the socket can be read (or on an error). A client sends nothing after its request:
     * whatever it sends is ignored, and the end of its input means it has gone, so the connection is closed.
     */
    @Override
    public SocketState upgradeDispatch(SocketEvent event) {
        if (event == SocketEvent.OPEN_WRITE) {
            return SocketState.UPGRADED;
        }
        if (event != SocketEvent.OPEN_READ) {
            return SocketState.CLOSED;
        }
        byte[] ignored = new byte[256];
        try {
            int read;
            do {
                read = socket.read(false, ignored, 0, ignored.length);
            } while (read > 0);
            return read < 0 ? SocketState.CLOSED : SocketState.UPGRADED;
        } catch (IOException gone) {
            return SocketState.CLOSED;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        SocketWrapperBase<?> s = socket;
        if (s == null || s.isClosed()) {
            throw new IOException("the live connection has ended");
        }
        s.write(true, bytes, 0, bytes.length);
        s.flush(true);
    }

    @Override
    public void close() {
        SocketWrapperBase<?> s = socket;
        if (s != null) {
            s.close(); // Tomcat then calls destroy()
        }
        ended();
    }

    @Override
    public void onEnd(Runnable action) {
        this.onEnd = action;
        if (ended.get()) {
            action.run();
        }
    }

    /** Tomcat is done with the connection: closed by either side, or the server is stopping. */
    @Override
    public void destroy() {
        ended();
    }

    private void ended() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }

    @Override
    public void timeoutAsync(long now) {
        // no asynchronous work of Tomcat's to time out
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // nothing to know about TLS here
    }

    @Override
    public void pause() {
        // the channel ends the streams itself when the application stops
    }
}
