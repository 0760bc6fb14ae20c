package org.tribune.platform.live;

/** A live message as another node receives it: written as JSON and read back. */
public final class LiveWireForTests {
    private LiveWireForTests() {
    }

    public static LiveMessage trip(LiveMessage message) {
        return LiveWire.decode(LiveWire.encode(message));
    }
}
