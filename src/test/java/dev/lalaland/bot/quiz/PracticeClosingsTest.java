package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PracticeClosingsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
    private final Clock clock = Clock.systemUTC();
    private final List<Long> closed = new CopyOnWriteArrayList<>();
    private final PracticeClosings closings = new PracticeClosings(executor, clock, closed::add);

    PracticeClosingsTest() {
        executor.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Instant in(int millis) {
        return clock.instant().plusMillis(millis);
    }

    @Test
    void questionsCloseSoonestFirstWhateverTheOrderTheyCameIn() {
        closings.closeAt(1, in(300));
        closings.closeAt(2, in(60));
        closings.closeAt(3, in(180));
        closings.closeAt(4, in(-1_000));
        Await.until("four closed", WAIT, () -> closed.size() == 4);
        assertThat(closed).containsExactly(4L, 2L, 3L, 1L);
        assertThat(closings.waiting()).isZero();
    }

    @Test
    void aSoonerQuestionDoesNotWaitForALaterOne() {
        closings.closeAt(1, in(60_000));
        closings.closeAt(2, in(20));
        Await.until("the sooner one closed", WAIT, () -> closed.contains(2L));
        assertThat(closed).containsExactly(2L);
        assertThat(closings.waiting()).isEqualTo(1);
    }

    @Test
    void aCloseThatFailsDoesNotStopTheOthers() {
        List<Long> tried = new CopyOnWriteArrayList<>();
        PracticeClosings failingFirst = new PracticeClosings(executor, clock, id -> {
            tried.add(id);
            if (id == 1) {
                throw new IllegalStateException("database is closed");
            }
        });
        failingFirst.closeAt(1, in(10));
        failingFirst.closeAt(2, in(20));
        Await.until("both tried", WAIT, () -> tried.size() == 2);
        assertThat(tried).containsExactly(1L, 2L);
    }

    @Test
    void stoppingDropsWhatWaitsAndItsTimerUntilRestarted() {
        closings.closeAt(1, in(60_000));
        assertThat(executor.getQueue()).hasSize(1);
        closings.stop();
        assertThat(closings.waiting()).isZero();
        assertThat(executor.getQueue()).as("the wake-up is cancelled").isEmpty();
        closings.closeAt(2, in(10));
        assertThat(closings.waiting()).as("ignored while stopped").isZero();

        closings.restart();
        closings.closeAt(3, in(10));
        Await.until("closed after the restart", WAIT, () -> closed.contains(3L));
        assertThat(closed).containsExactly(3L);
    }
}
