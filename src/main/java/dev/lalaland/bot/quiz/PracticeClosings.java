package dev.lalaland.bot.quiz;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice questions waiting to close, soonest first, with one scheduled task for all of
 * them. A task of its own per question (its future, key, description and the round it held)
 * kept about 400 bytes alive for each of the 20 s a question is open, some 4,000 of them at 200
 * questions a second; here an open question is one small entry.
 *
 * <p>Closing is idempotent in the store, so a question already closed by its answers rule
 * ({@link PracticeRounds#closeNow}) simply finds nothing to do when its time comes.
 */
final class PracticeClosings {
    private static final Logger log = LoggerFactory.getLogger(PracticeClosings.class);

    private record Due(long atMillis, long roundId) {
    }

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final LongConsumer close;
    /** Guarded by this, like the fields below. */
    private final PriorityQueue<Due> waiting =
            new PriorityQueue<>(Comparator.comparingLong(Due::atMillis).thenComparingLong(Due::roundId));
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt = Long.MAX_VALUE;
    private boolean stopped;

    PracticeClosings(ScheduledExecutorService executor, Clock clock, LongConsumer close) {
        this.executor = executor;
        this.clock = clock;
        this.close = close;
    }

    /** Closes the round at {@code at} (at once if that has passed). */
    void closeAt(long roundId, Instant at) {
        long atMillis = at.toEpochMilli();
        synchronized (this) {
            if (stopped) {
                return;
            }
            waiting.add(new Due(atMillis, roundId));
            if (atMillis < wakeUpAt) {
                wakeUpAt(atMillis);
            }
        }
    }

    /** How many questions wait to close. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Nothing more closes; what waits is dropped (the questions are open in the database). */
    synchronized void stop() {
        stopped = true;
        waiting.clear();
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUp = null;
        wakeUpAt = Long.MAX_VALUE;
    }

    synchronized void restart() {
        stopped = false;
    }

    /** Holding the lock. */
    private void wakeUpAt(long atMillis) {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        try {
            wakeUp = executor.schedule(this::closeDue, Math.max(0, atMillis - clock.millis()), TimeUnit.MILLISECONDS);
            wakeUpAt = atMillis;
        } catch (RejectedExecutionException e) {
            log.info("not closing practice questions any more: the bot is shutting down");
            wakeUp = null;
            wakeUpAt = Long.MAX_VALUE;
        }
    }

    private void closeDue() {
        while (true) {
            Due next;
            synchronized (this) {
                next = waiting.peek();
                if (stopped || next == null) {
                    wakeUp = null;
                    wakeUpAt = Long.MAX_VALUE;
                    return;
                }
                if (next.atMillis() > clock.millis()) {
                    wakeUp = null;
                    wakeUpAt(next.atMillis());
                    return;
                }
                waiting.poll();
            }
            try {
                close.accept(next.roundId());
            } catch (RuntimeException e) {
                log.error("closing practice question {} failed", next.roundId(), e);
            }
        }
    }
}
