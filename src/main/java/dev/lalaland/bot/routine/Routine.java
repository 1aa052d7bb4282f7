package dev.lalaland.bot.routine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Background work: a routine runs once, then says when it next wants to run. A {@link RoutineRunner}
 * calls it at that instant on its scheduler, never two runs of one routine at once, so a routine
 * needs no locking of its own against itself. A one-off job (a quiz question's closing) is a
 * routine that does not ask to run again ({@link #once}).
 *
 * <p>A routine reads the time only from the {@code now} it is given, so a test drives it with a
 * virtual clock and a manual scheduler.
 */
public interface Routine {

    /** What it does, for the logs and {@link RoutineRunner#report()} ("daily post"). */
    String name();

    /**
     * Runs once, at {@code now} or a little after. Returns when to run next; empty to run no more.
     * An exception is logged and the routine runs again at {@link #afterFailure}.
     */
    Optional<Instant> runOnce(Instant now);

    /** When to run again after {@link #runOnce} threw; empty (the default) to run no more. */
    default Optional<Instant> afterFailure(Instant now) {
        return Optional.empty();
    }

    /**
     * For a routine added with {@link RoutineRunner#add}: called once by {@link RoutineRunner#start}
     * in the caller's thread, before the first run, to pick up what a restart interrupted.
     */
    default void start(Instant now) {
    }

    /**
     * For a routine added with {@link RoutineRunner#add}: called by {@link RoutineRunner#stop} once
     * no run is under way and none will start, to wait at most {@code within} for work it handed
     * off (messages sent but not yet confirmed). Must leave all state saved.
     */
    default void stop(Duration within) {
    }

    /** A routine that runs {@code task} once. */
    static Routine once(String name, Runnable task) {
        return new Routine() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Instant> runOnce(Instant now) {
                task.run();
                return Optional.empty();
            }
        };
    }
}
