package org.tribune.platform.session;

import java.util.function.Consumer;

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

    /** One node on its own (the embedded database): nobody to tell, nothing to miss. */
    SessionNews ALONE = new SessionNews() {
        @Override
        public void changed(String sessionId) {
        }

        @Override
        public void onChanged(Consumer<String> sessionId) {
        }

        @Override
        public void onResync(Runnable resync) {
        }

        @Override
        public boolean trusted() {
            return true;
        }
    };

    /** Several nodes and no way to hear each other: keep no copies. */
    SessionNews UNHEARD = new SessionNews() {
        @Override
        public void changed(String sessionId) {
        }

        @Override
        public void onChanged(Consumer<String> sessionId) {
        }

        @Override
        public void onResync(Runnable resync) {
        }

        @Override
        public boolean trusted() {
            return false;
        }
    };
}
