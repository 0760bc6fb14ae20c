package org.tribune.platform;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import sun.misc.Signal;

/**
 * Stops the server in order when it is asked to (SIGTERM, SIGINT): first the application, gracefully (requests in
 * progress and durable listeners finish, then the pool closes the database), and only then the JVM. Left to the JVM,
 * SIGTERM runs every shutdown hook at once, and H2's own hook (which its mixed mode, used by online backups,
 * requires) closed the database under the requests still being finished: they failed inside H2. A second signal
 * while stopping ends the JVM at once, as usual.
 */
public final class OrderlyStop {
    private static final Logger log = LoggerFactory.getLogger(OrderlyStop.class);

    private OrderlyStop() {
    }

    public static void install(ConfigurableApplicationContext application) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!stopping.compareAndSet(false, true)) {
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    Thread stop = new Thread(() -> {
                        try {
                            application.close();
                        } finally {
                            System.exit(128 + signal.getNumber());
                        }
                    }, "orderly-stop");
                    stop.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a platform without this signal, or one the JVM keeps for itself: the JVM's own shutdown stays
                log.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }
}
