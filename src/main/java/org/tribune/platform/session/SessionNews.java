package org.tribune.platform.session;

import java.util.function.Consumer;

import org.tribune.platform.cluster.Broadcast;

/**
 * How the nodes tell each other that a session changed or ended, so that none serves its own copy afterwards; and
 * whether this node may trust its copies at all (not while it may have missed news).
 */
interface SessionNews {

    /** Tells every other node that this session changed or ended. */
    void changed(String sessionId);

    /** Called once, at start: what to do when another node says a session changed or ended. */
    void onChanged(Consumer<String> sessionId);

    /**
     * Called once, at start: what to do when this node listens again after news may have been lost (drop every
     * copy).
     */
    void onResync(Runnable resync);

    /** False while news may be lost: every read then goes to the store. */
    boolean trusted();

    /**
     * Changes each time trust is lost or regained: a session read from the store under one epoch is not kept under
     * another.
     */
    long epoch();

    /** The news carried by the cluster broadcast (in memory on one node, by the live bus between several). */
    static SessionNews over(Broadcast broadcast) {
        return new SessionNews() {
            @Override
            public void changed(String sessionId) {
                broadcast.publish(TOPIC, sessionId);
            }

            @Override
            public void onChanged(Consumer<String> sessionId) {
                broadcast.subscribe(TOPIC, sessionId);
            }

            @Override
            public void onResync(Runnable resync) {
                broadcast.onResync(resync);
            }

            @Override
            public boolean trusted() {
                return broadcast.trusted();
            }

            @Override
            public long epoch() {
                return broadcast.epoch();
            }
        };
    }

    String TOPIC = "sessions";
}
