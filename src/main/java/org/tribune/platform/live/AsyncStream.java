package org.tribune.platform.live;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An event stream written to an asynchronous servlet response: what {@code /live} falls back to where the connection
 * cannot be handed over ({@link UpgradedStream}), as over HTTP/2. It works everywhere but keeps the whole request
 * open, buffers included.
 */
final class AsyncStream implements LiveSink, AsyncListener {
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Runnable onEnd = () -> { };

    private AsyncStream(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    static AsyncStream start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0); // the channel ends streams itself, after LiveChannel.TIMEOUT
        AsyncStream stream = new AsyncStream(async, response.getOutputStream());
        async.addListener(stream);
        return stream;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyEnded) {
            // nothing left to end
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

    private void ended() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // started once, by start()
    }
}
