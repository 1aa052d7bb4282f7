package dev.lalaland.bot.routine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link Routine} of the bot on one scheduler and one clock: the ones added at wiring
 * time ({@link #add}, started by {@link #start}) and one-off jobs scheduled while running
 * ({@link #schedule}). It starts and stops them and reports each one's runs, failures and next
 * run. Tests give it a manual clock and scheduler, and time only moves when they move it.
 *
 * <p>Each scheduled routine has one pending run at a time and never runs twice at once. After
 * {@link #stop} returns, no run is under way and none will start (a run still going after a
 * couple of seconds is left to finish, and logged).
 */
public final class RoutineRunner {
    private static final Logger log = LoggerFactory.getLogger(RoutineRunner.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /** What {@link #report()} says of one routine. */
    public record Status(String name, long runs, long failures, Optional<Instant> lastRun, Optional<Instant> nextRun) {
    }

    /** A scheduled routine, which can be cancelled before its next run. */
    public interface Scheduled {
        /** No further runs; a run under way finishes. */
        void cancel();
    }

    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final List<Routine> added = new CopyOnWriteArrayList<>();
    private final Set<Run> live = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public RoutineRunner(Clock clock, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** A routine that runs from {@link #start} to {@link #stop}, first at once. */
    public void add(Routine routine) {
        added.add(routine);
    }

    /**
     * Starts the added routines: each one's {@link Routine#start} in this thread, in the order
     * added, then their first runs on the scheduler. Starting again after {@link #stop} is allowed.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Instant now = clock.instant();
        for (Routine routine : added) {
            routine.start(now);
        }
        for (Routine routine : added) {
            schedule(routine, now);
        }
    }

    /**
     * Runs {@code routine} at {@code at} (at once if that has passed) and then whenever it asks.
     * While stopped nothing is scheduled: the work's state is saved, and a start picks it up.
     */
    public Scheduled schedule(Routine routine, Instant at) {
        Run run = new Run(routine);
        if (!running) {
            log.debug("not scheduling {}: the routines are stopped", routine.name());
            return run;
        }
        live.add(run);
        run.planAt(at);
        return run;
    }

    /** As {@link #schedule(Routine, Instant)}, {@code delay} from now. */
    public Scheduled scheduleAfter(Routine routine, Duration delay) {
        return schedule(routine, clock.instant().plus(delay));
    }

    /**
     * Cancels every pending run, waits briefly for runs under way, then lets each added routine
     * finish what it handed off ({@link Routine#stop}), then logs the report.
     */
    public void stop() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        List<Run> stopping = new ArrayList<>(live);
        stopping.forEach(Run::cancel);
        for (Run run : stopping) {
            if (!run.awaitIdle(deadline)) {
                log.warn("{} is still running after {} s; stopping without it", run.routine.name(), STOP_WAIT.toSeconds());
            }
        }
        for (Routine routine : added) {
            try {
                routine.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (RuntimeException e) {
                log.error("stopping {} failed", routine.name(), e);
            }
        }
        for (Run run : stopping) {
            if (added.contains(run.routine)) {
                Status s = run.status();
                log.info("{}: {} runs, {} failed", s.name(), s.runs(), s.failures());
            }
        }
    }

    /** The added routines' and the pending one-off jobs' runs and next runs, by name. */
    public List<Status> report() {
        List<Status> all = new ArrayList<>();
        for (Run run : live) {
            all.add(run.status());
        }
        all.sort(Comparator.comparing(Status::name));
        return all;
    }

    public boolean running() {
        return running;
    }

    /** One routine's chain of runs: at most one pending on the scheduler, at most one under way. */
    private final class Run implements Scheduled {
        private final Routine routine;
        /** Held during a run, so that {@link #stop} can wait for it. */
        private final ReentrantLock underWay = new ReentrantLock();
        private ScheduledFuture<?> pending;
        private Instant nextRun;
        private Instant lastRun;
        private long runs;
        private long failures;
        private boolean cancelled;

        Run(Routine routine) {
            this.routine = routine;
        }

        synchronized void planAt(Instant at) {
            if (cancelled || !running) {
                live.remove(this);
                return;
            }
            nextRun = at;
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            try {
                pending = scheduler.schedule(this::runNow, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                log.info("not scheduling {}: the scheduler is shut down", routine.name());
                cancelled = true;
                live.remove(this);
            }
        }

        private void runNow() {
            Optional<Instant> again;
            underWay.lock();
            try {
                Instant now;
                synchronized (this) {
                    if (cancelled || !running) {
                        live.remove(this);
                        return;
                    }
                    now = clock.instant();
                    nextRun = null;
                    lastRun = now;
                    runs++;
                }
                try {
                    again = routine.runOnce(now);
                } catch (RuntimeException e) {
                    // A failed run (database busy, bad row) must not end a routine that asks to go on.
                    log.error("{} failed", routine.name(), e);
                    synchronized (this) {
                        failures++;
                    }
                    again = routine.afterFailure(clock.instant());
                }
            } finally {
                underWay.unlock();
            }
            if (again.isPresent()) {
                planAt(again.get());
            } else {
                live.remove(this);
            }
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            nextRun = null;
            if (pending != null) {
                pending.cancel(false);
            }
            live.remove(this);
        }

        /** Waits until no run is under way, or the deadline; true if none is. */
        boolean awaitIdle(long deadlineNanos) {
            if (underWay.isHeldByCurrentThread()) {
                return true;
            }
            try {
                if (underWay.tryLock(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    underWay.unlock();
                    return true;
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        synchronized Status status() {
            return new Status(routine.name(), runs, failures, Optional.ofNullable(lastRun), Optional.ofNullable(nextRun));
        }
    }
}
