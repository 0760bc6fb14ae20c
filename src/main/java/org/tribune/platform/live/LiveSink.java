package org.tribune.platform.live;

import java.io.IOException;

/**
 * Where the events of one open page are written: the connection itself once the request has been handed over
 * ({@link UpgradedStream}), or an asynchronous servlet response where that is not possible ({@link AsyncStream}).
 */
interface LiveSink {

    /** Writes the bytes and sends them; blocks while the client is slow to read. Called by one thread at a time. */
    void write(byte[] bytes) throws IOException;

    /** Ends the stream; the browser reconnects by itself. Does nothing when it has ended already. */
    void close();

    /** Runs {@code action} once the stream has ended, whichever side ended it. */
    void onEnd(Runnable action);
}
