package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.QuizNightTest.awaitFinal;
import static dev.lalaland.bot.quiz.QuizNightTest.awaitQuestion;
import static dev.lalaland.bot.quiz.QuizNightTest.awaitReveal;
import static dev.lalaland.bot.quiz.QuizNightTest.player;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.render.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot stopped in the middle of a night, and a new one started on the same database file. */
class QuizRestartTest {
    /** Questions open for a second, long enough to stop the bot while one is open. */
    private static final QuizTimings TIMINGS = new QuizTimings(Duration.ofSeconds(1), Duration.ofMillis(10),
            Duration.ofMillis(30), Duration.ofMillis(100), Duration.ofMillis(20), 0);

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();

    private final class Bot implements AutoCloseable {
        final Database database = Database.open(dir.resolve("quiz.db"));
        final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        final RecordingOutbox outbox = new RecordingOutbox();
        final Quiz quiz = new Quiz(database, TestQuestions.bank(6), clock, executor, outbox, TIMINGS, new Random());

        Bot() {
            quiz.start();
        }

        Reply click(int player, RecordingOutbox.Message question, int choice) {
            return quiz.buttons().onClick(new ButtonClick(question.reply().buttons().get(choice).id(),
                    question.messageId(), player(player), clock.instant()));
        }

        @Override
        public void close() {
            quiz.stop();
            executor.shutdownNow();
            database.close();
            assertThat(outbox.violations).isEmpty();
        }
    }

    @Test
    void theNightGoesOnAfterARestartAndNoScoreIsLostOrCountedTwice() {
        RecordingOutbox.Message q2BeforeRestart;
        int q1Points;
        try (Bot first = new Bot()) {
            first.quiz.command().handle(new CommandRequest("quiz", "start", Map.of("questions", "3", "seconds", "10"),
                    player(1), clock.instant()));
            RecordingOutbox.Message q1 = awaitQuestion(first.outbox, 1, 3);
            first.click(1, q1, 1);
            first.click(2, q1, 0);
            awaitReveal(first.outbox, 1, 3);
            q1Points = first.quiz.store().standings(1, 10).get(0).points();

            q2BeforeRestart = awaitQuestion(first.outbox, 2, 3);
            assertThat(first.click(1, q2BeforeRestart, 1).content()).startsWith("Locked in");
            assertThat(first.click(2, q2BeforeRestart, 1).content()).startsWith("Locked in");
        }   // the bot stops with question 2 open and two answers stored

        try (Bot second = new Bot()) {
            RecordingOutbox.Message reposted = awaitQuestion(second.outbox, 2, 3);
            assertThat(reposted.text()).contains("Asked again after a restart");
            // The old message's buttons still work: the earlier answer is remembered, not counted again.
            assertThat(second.click(1, q2BeforeRestart, 2).content()).contains("already answered");
            assertThat(second.click(3, reposted, 1).content()).startsWith("Locked in");
            RecordingOutbox.Message reveal2 = awaitReveal(second.outbox, 2, 3);
            assertThat(reveal2.text()).contains(reposted.reply().buttons().get(1).label() + ": 3");

            RecordingOutbox.Message q3 = awaitQuestion(second.outbox, 3, 3);
            second.click(1, q3, 1);
            awaitReveal(second.outbox, 3, 3);
            awaitFinal(second.outbox);

            Map<String, Integer> afterRestart = QuizNightTest.pointsAnnounced(second.outbox);
            int expectedPlayer1 = q1Points + afterRestart.get("Player 1");
            assertThat(second.quiz.store().leaderboard(QuizNightTest.GUILD, 10))
                    .extracting(Standing::displayName, Standing::points, Standing::correct)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Player 1", expectedPlayer1, 3),
                            org.assertj.core.groups.Tuple.tuple("Player 2", afterRestart.get("Player 2"), 1),
                            org.assertj.core.groups.Tuple.tuple("Player 3", afterRestart.get("Player 3"), 1));
            assertThat(second.quiz.store().runningNights()).isEmpty();
        }
    }

    @Test
    void aPracticeQuestionOpenAtShutdownIsRevealedAfterTheRestart() {
        RecordingOutbox.Message question;
        try (Bot first = new Bot()) {
            Reply reply = first.quiz.command().handle(new CommandRequest("quiz", "question", Map.of(), player(1),
                    clock.instant()));
            question = new RecordingOutbox.Message(QuizNightTest.CHANNEL, "777", reply);
            first.click(1, question, 1);
        }
        try (Bot second = new Bot()) {
            RecordingOutbox.Message reveal = QuizNightTest.awaitPost(second.outbox, "the practice reveal",
                    m -> m.reply().embeds().get(0).title().startsWith("Answer: "));
            assertThat(reveal.text()).contains("Got it right: Player 1");
        }
    }
}
