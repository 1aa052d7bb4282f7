package dev.lalaland.bot.quiz;

import static org.awaitility.Awaitility.await;
import dev.lalaland.bot.routine.RoutineRunner;
import static dev.lalaland.bot.quiz.QuizNightTest.ADMIN;
import static dev.lalaland.bot.quiz.QuizNightTest.awaitFinal;
import static dev.lalaland.bot.quiz.QuizNightTest.awaitPost;
import static dev.lalaland.bot.quiz.QuizNightTest.awaitQuestion;
import static dev.lalaland.bot.quiz.QuizNightTest.awaitReveal;
import static dev.lalaland.bot.quiz.QuizNightTest.player;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.StoreKind;
import dev.lalaland.bot.onthisday.ShiftedClock;
import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host's control panel and the early close, on a real SQLite file and a real PostgreSQL
 * server, with real timers; a "second" of the seconds option lasts 100 ms, so a 20-second
 * question is open for 2 s.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class HostControlsTest {
    @Parameter
    StoreKind kind;

    private static final QuizTimings TIMINGS = new QuizTimings(Duration.ofSeconds(1), Duration.ofMillis(10),
            Duration.ofMillis(30), Duration.ofMillis(100), Duration.ofMillis(20), 0);

    @TempDir
    Path dir;

    /** One run of the bot over the test's database file; a second one is a restart. */
    private final class Bot implements AutoCloseable {
        final Database database = kind.open(dir);
        final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        final RecordingOutbox outbox = new RecordingOutbox();
        final Clock clock;
        final RoutineRunner routines;
        final Quiz quiz;
        final Dispatcher dispatcher;

        Bot(Clock clock) {
            this.clock = clock;
            this.routines = new RoutineRunner(clock, executor);
            this.quiz = new Quiz(database, TestQuestions.bank(6), clock, routines, outbox, TIMINGS, new Random(5));
            this.dispatcher = new Dispatcher(new CommandRegistry(List.of(quiz.command()),
                    quiz.buttonHandlers()));
            routines.start();
        }

        /** Player 1 hosts; returns the opening message (the command's reply). */
        Reply startNight(int questions, int seconds) {
            Reply opening = dispatcher.command(new CommandRequest("quiz", "start", Map.of("questions",
                    Integer.toString(questions), "seconds", Integer.toString(seconds)), player(1), clock.instant()));
            assertThat(opening.ephemeral()).isFalse();
            return opening;
        }

        Reply control(Invoker who, Reply opening, String label) {
            Button button = opening.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
            return dispatcher.click(new ButtonClick(button.id(), "opening", who, clock.instant()));
        }

        Reply answer(Invoker who, RecordingOutbox.Message question, int choice) {
            return dispatcher.click(new ButtonClick(question.reply().buttons().get(choice).id(), question.messageId(),
                    who, clock.instant()));
        }

        @Override
        public void close() {
            routines.stop();
            executor.shutdownNow();
            database.close();
            assertThat(outbox.violations).isEmpty();
        }
    }

    @Test
    void theOpeningMessageCarriesTheControlsAndOnlyTheHostOrManageServerMayUseThem() {
        try (Bot bot = new Bot(Clock.systemUTC())) {
            Reply opening = bot.startNight(3, 20);
            assertThat(opening.buttons()).extracting(Button::label)
                    .containsExactly("Pause", "Resume", "Skip question", "End night");
            awaitQuestion(bot.outbox, 1, 3);

            Reply refused = bot.control(player(2), opening, "Pause");
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.content()).contains("Only the host, Player 1, or someone with Manage Server");
            assertThat(bot.quiz.store().runningNights()).singleElement();

            Reply paused = bot.control(ADMIN, opening, "Pause");
            assertThat(paused.ephemeral()).isFalse();
            assertThat(paused.content()).startsWith("⏸️ Quiz night paused by Admin (question 1 has ").contains(" s left");
            assertThat(bot.control(player(1), opening, "Pause").content()).contains("already paused");
        }
    }

    @Test
    void pausingKeepsTheTimeLeftAndRefusesAnswersUntilResumed() {
        try (Bot bot = new Bot(Clock.systemUTC())) {
            Reply opening = bot.startNight(2, 20);
            RecordingOutbox.Message q1 = awaitQuestion(bot.outbox, 1, 2);
            Instant deadline = bot.quiz.store().openRound(1).orElseThrow().closesAt();
            Duration leftAtPause = Duration.between(Instant.now(), deadline);
            assertThat(bot.control(player(1), opening, "Pause").content()).contains("paused");

            Reply refused = bot.answer(player(2), q1, 0);
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.content()).contains("paused");
            assertThat(bot.control(player(1), opening, "Skip question").content()).contains("Resume first");

            // Longer than the whole question: had the countdown run on, it would have closed.
            await("a pause longer than the question").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> Instant.now().isAfter(deadline.plusMillis(500)));
            assertThat(bot.quiz.store().openRound(1)).as("still open while paused").isPresent();

            Reply resumed = bot.control(player(1), opening, "Resume");
            assertThat(resumed.content()).startsWith("▶️ Quiz night resumed by Player 1: question 1 is open again with ");
            Round reopened = bot.quiz.store().openRound(1).orElseThrow();
            Duration leftNow = Duration.between(Instant.now(), reopened.closesAt());
            assertThat(leftNow).isLessThanOrEqualTo(leftAtPause).isGreaterThan(leftAtPause.minusMillis(500));
            assertThat(bot.outbox.edits).as("the question shows its new deadline")
                    .anyMatch(m -> m.reply().embeds().get(0).description().contains(QuizRenderer.relative(reopened.closesAt())));

            assertThat(bot.answer(player(2), q1, 0).content()).startsWith("Locked in");
            awaitReveal(bot.outbox, 1, 2);
        }
    }

    @Test
    void skipClosesTheQuestionNowAndEndNightPostsTheStandings() {
        try (Bot bot = new Bot(Clock.systemUTC())) {
            Reply opening = bot.startNight(3, 120);   // 12 s a question: only a skip closes it within the test
            RecordingOutbox.Message q1 = awaitQuestion(bot.outbox, 1, 3);
            int right = bot.quiz.store().openRound(1).orElseThrow().question().answer();
            bot.answer(player(2), q1, right);
            assertThat(bot.control(player(1), opening, "Skip question").content()).contains("skipped question 1");
            RecordingOutbox.Message reveal = awaitReveal(bot.outbox, 1, 3);
            assertThat(reveal.text()).contains("Skipped by Player 1").containsPattern("\\+\\d+ Player 2");

            awaitQuestion(bot.outbox, 2, 3);
            assertThat(bot.control(player(1), opening, "End night").content()).contains("stopped by Player 1");
            RecordingOutbox.Message over = awaitFinal(bot.outbox);
            assertThat(over.text()).contains("stopped").contains("After 2 of 3 questions").contains("Player 2");
            assertThat(bot.control(player(1), opening, "Pause").content()).contains("has ended");
        }
    }

    @Test
    void aQuestionClosesEarlyOnceEveryonePlayingHasAnswered() {
        try (Bot bot = new Bot(Clock.systemUTC())) {
            bot.startNight(2, 120);
            RecordingOutbox.Message q1 = awaitQuestion(bot.outbox, 1, 2);
            bot.answer(player(1), q1, 0);
            bot.answer(player(2), q1, 1);
            // The first question has no known players yet, so it waits out its time: skip it here.
            bot.quiz.nights().close(1, bot.quiz.store().openRound(1).orElseThrow().id());
            RecordingOutbox.Message reveal1 = awaitReveal(bot.outbox, 1, 2);
            assertThat(reveal1.text()).doesNotContain("closed early");

            RecordingOutbox.Message q2 = awaitQuestion(bot.outbox, 2, 2);
            bot.answer(player(1), q2, 0);
            assertThat(bot.quiz.store().openRound(1)).as("one of two has answered").isPresent();
            bot.answer(player(2), q2, 2);
            RecordingOutbox.Message reveal2 = awaitReveal(bot.outbox, 2, 2);
            assertThat(reveal2.text()).contains("Everyone playing has answered, so it closed early");
        }
    }

    @Test
    void aPauseSurvivesARestartAndAPauseLeftForHalfAnHourEndsTheNight() {
        Reply opening;
        try (Bot first = new Bot(Clock.systemUTC())) {
            opening = first.startNight(3, 20);
            RecordingOutbox.Message q1 = awaitQuestion(first.outbox, 1, 3);
            first.answer(player(2), q1, first.quiz.store().openRound(1).orElseThrow().question().answer());
            first.control(player(1), opening, "Pause");
        }
        try (Bot second = new Bot(Clock.systemUTC())) {
            // Still paused: nothing is asked again, and the open question waits.
            assertThat(second.quiz.store().runningNights()).singleElement();
            assertThat(second.outbox.posts).isEmpty();
            assertThat(second.control(player(1), opening, "Resume").content()).contains("question 1 is open again");
            second.control(player(1), opening, "Pause");
        }
        ShiftedClock later = new ShiftedClock();
        later.jumpTo(Instant.now().plus(Duration.ofMinutes(31)));
        try (Bot third = new Bot(later)) {
            RecordingOutbox.Message over = awaitFinal(third.outbox);
            assertThat(over.reply().embeds().get(0).title()).isEqualTo("⏹️ Quiz night ended after 30 minutes paused");
            assertThat(over.text()).contains("Player 2");
            assertThat(third.quiz.store().runningNights()).isEmpty();
            assertThat(third.quiz.store().leaderboard(QuizNightTest.GUILD, 10)).extracting(Standing::displayName)
                    .containsExactly("Player 2");
        }
    }

    @Test
    void aSkippedQuestionsRevealPostedAgainAfterARestartStillSaysItWasSkipped() {
        try (Bot first = new Bot(Clock.systemUTC())) {
            Reply opening = first.startNight(3, 120);
            RecordingOutbox.Message q1 = awaitQuestion(first.outbox, 1, 3);
            first.answer(player(2), q1, first.quiz.store().openRound(1).orElseThrow().question().answer());
            // Discord takes the reveal but the bot stops before it hears back.
            first.outbox.hold = m -> m.reply().embeds().get(0).title().startsWith("Question 1 of 3 · Answer: ");
            first.control(player(1), opening, "Skip question");
            await("the reveal handed to Discord").atMost(Duration.ofSeconds(10)).until(() -> !first.outbox.held.isEmpty());
            assertThat(first.outbox.held.get(0).message().reply().embeds().get(0).description()).contains("Skipped by Player 1");
        }
        try (Bot second = new Bot(Clock.systemUTC())) {
            RecordingOutbox.Message again = awaitReveal(second.outbox, 1, 3);
            assertThat(again.reply().embeds().get(0).description()).contains("⏭️ Skipped by Player 1: answers given so far count.");
        }
    }
}
