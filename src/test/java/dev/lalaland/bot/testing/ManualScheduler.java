package dev.lalaland.bot.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on a {@link ManualClock}: nothing runs until the test calls {@link #runDue} or
 * {@link #advance}, which run each task in the test's thread at its virtual time, in time order
 * (ties in the order scheduled). So a test of timed work takes no real time and cannot lose a
 * race with a busy machine.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ManualClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long scheduled;
    private boolean shutdown;

    public ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    public ManualClock clock() {
        return clock;
    }

    /** Runs every task due now, including those they schedule for now. */
    public void runDue() {
        runUntil(clock.instant());
    }

    /** Moves the clock forward by {@code by}, running each task at its time on the way. */
    public void advance(Duration by) {
        runUntil(clock.instant().plus(by));
    }

    /** As {@link #advance}, to {@code until}. */
    public void advanceTo(Instant until) {
        runUntil(until);
    }

    private void runUntil(Instant until) {
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at.isAfter(until)) {
                    break;
                }
                queue.poll();
            }
            if (next.at.isAfter(clock.instant())) {
                clock.set(next.at);
            }
            next.run();
        }
        if (until.isAfter(clock.instant())) {
            clock.set(until);
        }
    }

    /** Tasks waiting to run (cancelled ones are dropped). */
    public synchronized int pending() {
        queue.removeIf(Task::isCancelled);
        return queue.size();
    }

    /** When the next task is due, if any. */
    public synchronized Instant nextDue() {
        queue.removeIf(Task::isCancelled);
        return queue.isEmpty() ? null : queue.peek().at;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(command, null, clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)))));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)))));
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    private synchronized <V> Task<V> add(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        task.order = scheduled++;
        queue.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by the routines");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by the routines");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final Instant at;
        long order;

        Task(Runnable command, V result, Instant at) {
            super(command, result);
            this.at = at;
        }

        Task(Callable<V> callable, Instant at) {
            super(callable);
            this.at = at;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at));
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> that = (Task<?>) other;
            int byTime = at.compareTo(that.at);
            return byTime != 0 ? byTime : Long.compare(order, that.order);
        }
    }
}
