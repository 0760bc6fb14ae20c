package org.tribune.platform.live;

import java.util.List;

import org.slf4j.Logger;

/** Runs a bus's hooks (resync, lost) one after the other: one that fails is logged and does not stop the others. */
final class Hooks {
    private Hooks() {
    }

    static void runEach(List<Runnable> hooks, Logger log, String failure) {
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.warn("{}: {}", failure, e.getMessage());
            }
        }
    }
}
