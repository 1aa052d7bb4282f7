package dev.lalaland.bot.quiz;

import dev.lalaland.bot.routine.Routine;
import dev.lalaland.bot.routine.RoutineRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The quiz's one-off jobs on the bot's {@link RoutineRunner}, one pending job per key (a night or a
 * practice question). Jobs only move stored state forward and check it first, so a job that
 * runs late, twice, or after a restart does no harm; cancelling is just tidiness. While the
 * runner is stopped nothing is scheduled: the state is saved and a restart resumes it.
 */
final class Timers {
    private final RoutineRunner runner;
    private final Map<String, RoutineRunner.Scheduled> pending = new ConcurrentHashMap<>();

    Timers(RoutineRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code task} at {@code at} (now if that has passed), replacing the key's pending job. */
    void at(String key, Instant at, String what, Runnable task) {
        replace(key, what, task, job -> runner.schedule(job, at));
    }

    void after(String key, Duration delay, String what, Runnable task) {
        replace(key, what, task, job -> runner.scheduleAfter(job, delay));
    }

    private void replace(String key, String what, Runnable task, Function<Routine, RoutineRunner.Scheduled> schedule) {
        RoutineRunner.Scheduled[] self = new RoutineRunner.Scheduled[1];
        Routine job = Routine.once("quiz: " + what, () -> {
            try {
                task.run();
            } finally {
                synchronized (self) {
                    pending.remove(key, self[0]);
                }
            }
        });
        synchronized (self) {
            self[0] = schedule.apply(job);
            RoutineRunner.Scheduled previous = pending.put(key, self[0]);
            if (previous != null) {
                previous.cancel();
            }
        }
    }

    /** Runs {@code task} on the runner now, not under any key (for work started by a callback). */
    void now(String what, Runnable task) {
        runner.scheduleAfter(Routine.once("quiz: " + what, task), Duration.ZERO);
    }

    void cancel(String key) {
        RoutineRunner.Scheduled job = pending.remove(key);
        if (job != null) {
            job.cancel();
        }
    }
}
