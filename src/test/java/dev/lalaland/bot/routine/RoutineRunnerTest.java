package dev.lalaland.bot.routine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner on a virtual clock and a manual scheduler: time moves only when the test moves it. */
class RoutineRunnerTest {
    private final ManualClock clock = ManualClock.at("2026-06-01T09:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RoutineRunner runner = new RoutineRunner(clock, scheduler);

    /** Records its calls; runs every {@code every}, throwing on the runs listed in {@code failOn}. */
    private static final class Recording implements Routine {
        final List<String> calls = new ArrayList<>();
        final Duration every;
        final List<Integer> failOn;

        Recording(Duration every, Integer... failOn) {
            this.every = every;
            this.failOn = List.of(failOn);
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void start(Instant now) {
            calls.add("start " + now);
        }

        @Override
        public Optional<Instant> runOnce(Instant now) {
            calls.add("run " + now);
            if (failOn.contains(calls.size() - 1)) {
                throw new IllegalStateException("database busy");
            }
            return Optional.of(now.plus(every));
        }

        @Override
        public Optional<Instant> afterFailure(Instant now) {
            return Optional.of(now.plus(Duration.ofMinutes(1)));
        }

        @Override
        public void stop(Duration within) {
            calls.add("stop");
        }
    }

    @Test
    void startsAnAddedRoutineAtOnceThenRunsItWhenItAsks() {
        Recording routine = new Recording(Duration.ofSeconds(30));
        runner.add(routine);
        runner.start();
        assertThat(routine.calls).containsExactly("start 2026-06-01T09:00:00Z");

        scheduler.advance(Duration.ofSeconds(65));
        assertThat(routine.calls).containsExactly("start 2026-06-01T09:00:00Z", "run 2026-06-01T09:00:00Z",
                "run 2026-06-01T09:00:30Z", "run 2026-06-01T09:01:00Z");
        assertThat(runner.report()).singleElement().satisfies(s -> {
            assertThat(s.runs()).isEqualTo(3);
            assertThat(s.nextRun()).contains(Instant.parse("2026-06-01T09:01:30Z"));
        });
    }

    @Test
    void aFailedRunIsCountedAndTheRoutineRunsAgainWhenItSaysAfterAFailure() {
        Recording routine = new Recording(Duration.ofSeconds(30), 2);
        runner.add(routine);
        runner.start();
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(routine.calls).last().isEqualTo("run 2026-06-01T09:00:30Z");

        scheduler.advance(Duration.ofSeconds(59));
        assertThat(routine.calls).last().as("waits a minute after the failure").isEqualTo("run 2026-06-01T09:00:30Z");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(routine.calls).last().isEqualTo("run 2026-06-01T09:01:30Z");
        assertThat(runner.report()).singleElement().satisfies(s -> assertThat(s.failures()).isEqualTo(1));
    }

    @Test
    void aOneOffJobRunsOnceAtItsTimeAndNotAtAllOnceCancelled() {
        runner.start();
        List<String> ran = new ArrayList<>();
        runner.schedule(Routine.once("close question 1", () -> ran.add("q1 " + clock.instant())),
                Instant.parse("2026-06-01T09:00:10Z"));
        RoutineRunner.Scheduled second = runner.scheduleAfter(Routine.once("close question 2", () -> ran.add("q2")),
                Duration.ofSeconds(20));
        assertThat(runner.report()).extracting(RoutineRunner.Status::name)
                .containsExactly("close question 1", "close question 2");

        second.cancel();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(ran).containsExactly("q1 2026-06-01T09:00:10Z");
        assertThat(runner.report()).as("done and cancelled jobs are forgotten").isEmpty();
    }

    @Test
    void stopLeavesNothingOnTheSchedulerAndSchedulesNothingUntilStartedAgain() {
        Recording routine = new Recording(Duration.ofSeconds(30));
        runner.add(routine);
        runner.start();
        scheduler.runDue();
        runner.schedule(Routine.once("later", () -> { }), Instant.parse("2026-06-01T10:00:00Z"));

        runner.stop();
        assertThat(scheduler.pending()).isZero();
        assertThat(routine.calls).last().isEqualTo("stop");
        runner.scheduleAfter(Routine.once("while stopped", () -> { }), Duration.ZERO);
        assertThat(scheduler.pending()).isZero();

        runner.start();
        scheduler.runDue();
        assertThat(routine.calls).endsWith("stop", "start 2026-06-01T09:00:00Z", "run 2026-06-01T09:00:00Z");
    }

    @Test
    void aRoutineThatStopsTheRunnerFromItsOwnRunDoesNotWaitForItself() {
        runner.start();
        runner.scheduleAfter(Routine.once("shutting down", runner::stop), Duration.ZERO);
        scheduler.runDue();
        assertThat(runner.running()).isFalse();
    }
}
