package org.tribune.platform.live;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open page. It is counted from the moment {@code /live} is asked for, before its response leaves, so that no
 * event sent once the page has its response can miss it; its stream is attached a moment later, and events sent in
 * between wait. Events wait in a queue that one virtual thread at a time writes out in order, so that a slow client
 * never holds up the code that sends, nor the other pages; a client too slow to keep up is disconnected. The writer
 * exists only while there is something to write: an idle page holds no thread, only this object and its stream.
 */
final class Connection {
    static final int BACKLOG = 64;

    private final Runnable onGone;
    private final long openedAt = System.nanoTime();
    private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile LiveSink sink;

    Connection(Runnable onGone) {
        this.onGone = onGone;
    }

    /** Where the events go from now on; ends it at once if the connection has ended meanwhile. */
    void attach(LiveSink stream) {
        this.sink = stream;
        stream.onEnd(this::ended);
        if (gone.get()) {
            stream.close();
        } else {
            startWriting();
        }
    }

    LiveSink sink() {
        return sink;
    }

    /** Nanoseconds since the page asked for its stream. */
    long age() {
        return System.nanoTime() - openedAt;
    }

    boolean isOpen() {
        return !gone.get();
    }

    void offer(byte[] event) {
        if (gone.get()) {
            return;
        }
        if (queued.get() >= BACKLOG) {
            close();
            return;
        }
        queue.add(event);
        queued.incrementAndGet();
        startWriting();
    }

    /** Ends the connection; the browser will reconnect by itself. */
    void close() {
        LiveSink s = sink;
        if (s != null) {
            s.close();
        }
        ended();
    }

    private void startWriting() {
        if (sink != null && !queue.isEmpty() && writing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("live-writer").start(this::writeAll);
        }
    }

    private void writeAll() {
        try {
            do {
                for (byte[] next = queue.poll(); next != null && !gone.get(); next = queue.poll()) {
                    queued.decrementAndGet();
                    sink.write(next);
                }
                writing.set(false);
                // An event offered after the last poll and before the flag went down is written here.
            } while (!queue.isEmpty() && !gone.get() && writing.compareAndSet(false, true));
        } catch (IOException | RuntimeException failed) {
            // The client went away, or was too slow for the write timeout.
            close();
        }
    }

    private void ended() {
        if (gone.compareAndSet(false, true)) {
            queue.clear();
            onGone.run();
        }
    }
}
