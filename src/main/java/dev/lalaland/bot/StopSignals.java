package dev.lalaland.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action on SIGTERM or SIGINT. A plain shutdown hook would make the JVM exit with 143;
 * handling the signal lets the bot save its state and exit 0, as {@code docker stop} expects.
 */
final class StopSignals {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    static void onStop(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    log.info("received SIG{}", name);
                    new Thread(action, "stop-" + name).start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("cannot handle SIG{} here; the shutdown hook will do", name);
            }
        }
    }
}
