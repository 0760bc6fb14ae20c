package org.tribune.platform.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open page. Events wait in a small queue that a virtual thread of its own writes out in order, so that a slow
 * client never holds up the code that sends, nor the other pages; a client too slow to keep up is disconnected.
 */
final class Connection {
    private static final int BACKLOG = 64;
    private static final Object END = new Object();

    private final SseEmitter emitter;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BACKLOG);
    private final Runnable onGone;

    Connection(long accountId, SseEmitter emitter, Runnable onGone) {
        this.emitter = emitter;
        this.onGone = onGone;
        Thread.ofVirtual().name("live-" + accountId).start(this::writeAll);
    }

    SseEmitter emitter() {
        return emitter;
    }

    void offer(SseEmitter.SseEventBuilder event) {
        if (!queue.offer(event)) {
            close();
        }
    }

    /** Ends the connection; the browser will reconnect by itself. */
    void close() {
        stopWriting();
        try {
            emitter.complete();
        } catch (RuntimeException alreadyEnded) {
            // nothing left to end
        }
    }

    /** Stops the writer; called once the connection is gone. */
    void stopWriting() {
        while (!queue.offer(END)) {
            queue.clear();
        }
    }

    private void writeAll() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    return;
                }
                emitter.send((SseEmitter.SseEventBuilder) next);
            }
        } catch (IOException | IllegalStateException gone) {
            // The client went away or the connection was completed meanwhile; the container ends the request.
            onGone.run();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
