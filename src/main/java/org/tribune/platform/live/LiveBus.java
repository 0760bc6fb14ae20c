package org.tribune.platform.live;

import java.util.function.Consumer;

/**
 * Carries live messages to the node that holds the recipient's connections. With one node, {@link LiveChannel}
 * delivers in memory. With several, declare a bean implementing this interface (over PostgreSQL LISTEN/NOTIFY or
 * Redis pub/sub): {@link #publish} sends every message to all nodes, and each node hands the messages it receives to
 * the consumer given to {@link #subscribe}, which writes them to the connections open on that node and ignores
 * accounts that have none there.
 */
public interface LiveBus {

    void publish(LiveMessage message);

    /**
     * Called at start by the channel of this node (and by {@link org.tribune.platform.cluster.Broadcast}): every
     * consumer given receives every message heard.
     */
    void subscribe(Consumer<LiveMessage> deliver);

    /**
     * Called at start by the channel of this node (and by the broadcast): a bus between nodes runs each {@code resync}
     * each time it listens again after losing its connection, since what was published meanwhile never reached this
     * node.
     */
    default void onReconnect(Runnable resync) {
    }

    /**
     * A bus between nodes runs {@code lost} as soon as it notices its connection is gone: from then until
     * {@link #onReconnect} has run, messages from other nodes may be missed (caches stop trusting what they hold).
     */
    default void onLost(Runnable lost) {
    }

    /** Whether messages from every other node reach this one now; always true on one node. */
    default boolean isConnected() {
        return true;
    }
}
