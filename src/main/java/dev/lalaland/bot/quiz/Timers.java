package dev.lalaland.bot.quiz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quiz's scheduled work on the shared executor, one pending task per key (a night or a
 * practice question). Tasks only move stored state forward and check it first, so a task that
 * fires late, twice, or after a restart does no harm; cancelling is just tidiness.
 */
final class Timers {
    private static final Logger log = LoggerFactory.getLogger(Timers.class);

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    Timers(ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /** Runs {@code task} at {@code at} (now if that has passed), replacing the key's pending task. */
    void at(String key, Instant at, String what, Runnable task) {
        after(key, Duration.between(clock.instant(), at), what, task);
    }

    void after(String key, Duration delay, String what, Runnable task) {
        if (stopped) {
            return;
        }
        try {
            AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
            ScheduledFuture<?> future = executor.schedule(() -> {
                try {
                    run(what, task);
                } finally {
                    ScheduledFuture<?> me = self.get();
                    if (me != null) {
                        pending.remove(key, me);
                    }
                }
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            self.set(future);
            ScheduledFuture<?> previous = pending.put(key, future);
            if (previous != null) {
                previous.cancel(false);
            }
        } catch (RejectedExecutionException e) {
            log.info("not scheduling {}: the bot is shutting down", what);
        }
    }

    /** Runs {@code task} on the executor now, not under any key (for work started by a callback). */
    void now(String what, Runnable task) {
        if (stopped) {
            return;
        }
        try {
            executor.execute(() -> run(what, task));
        } catch (RejectedExecutionException e) {
            log.info("not running {}: the bot is shutting down", what);
        }
    }

    void cancel(String key) {
        ScheduledFuture<?> future = pending.remove(key);
        if (future != null) {
            future.cancel(false);
        }
    }

    /** No new work from now on; what is pending is dropped (its state is in the database). */
    void stopAll() {
        stopped = true;
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
    }

    void restart() {
        stopped = false;
    }

    private void run(String what, Runnable task) {
        if (stopped) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("quiz: {} failed", what, e);
        }
    }
}
