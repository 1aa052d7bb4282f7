package dev.lalaland.bot.quiz;

import static org.awaitility.Awaitility.await;
import dev.lalaland.bot.routine.RoutineRunner;
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
import java.util.function.Predicate;
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
        final Clock botClock;
        final RoutineRunner routines;
        final Quiz quiz;

        Bot() {
            this(clock);
        }

        Bot(Clock botClock) {
            this.botClock = botClock;
            this.routines = new RoutineRunner(botClock, executor);
            this.quiz = new Quiz(database, TestQuestions.bank(6), botClock, routines, outbox, TIMINGS, new Random());
            routines.start();
        }

        Reply click(int player, RecordingOutbox.Message question, int choice) {
            return quiz.buttons().onClick(new ButtonClick(question.reply().buttons().get(choice).id(),
                    question.messageId(), player(player), botClock.instant()));
        }

        /** Player 1 starts a night of one-second questions. */
        void startNight(int questions) {
            quiz.command().handle(new CommandRequest("quiz", "start",
                    Map.of("questions", Integer.toString(questions), "seconds", "10"), player(1), botClock.instant()));
        }

        Reply askPractice() {
            return quiz.command().handle(new CommandRequest("quiz", "question", Map.of(), player(1), botClock.instant()));
        }

        /** Waits until the bot has tried to post something and returns what it tried. */
        RecordingOutbox.Held awaitHeldPost(String what, Predicate<RecordingOutbox.Message> test) {
            await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> outbox.held.stream().anyMatch(h -> test.test(h.message())));
            return outbox.held.stream().filter(h -> test.test(h.message())).findFirst().orElseThrow();
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
    void theNightGoesOnAfterARestartAndNoScoreIsLostOrCountedTwice() {
        RecordingOutbox.Message q2BeforeRestart;
        int q1Points;
        try (Bot first = new Bot()) {
            first.startNight(3);
            RecordingOutbox.Message q1 = awaitQuestion(first.outbox, 1, 3);
            first.click(1, q1, 1);
            first.click(2, q1, 0);
            // Three play, so question 2 with two answers is not closed early (everyone playing answered).
            first.click(3, q1, 2);
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
            Reply reply = first.askPractice();
            question = new RecordingOutbox.Message(QuizNightTest.CHANNEL, "777", reply);
            first.click(1, question, 1);
        }
        try (Bot second = new Bot()) {
            RecordingOutbox.Message reveal = QuizNightTest.awaitPost(second.outbox, "the practice reveal",
                    m -> m.reply().embeds().get(0).title().startsWith("Answer: "));
            assertThat(reveal.text()).contains("Got it right: Player 1");
        }
    }

    @Test
    void aPracticeRevealNotConfirmedBeforeTheStopIsPostedAgainWithTheSameNonce() {
        RecordingOutbox.Held unconfirmed;
        try (Bot first = new Bot()) {
            RecordingOutbox.Message question = new RecordingOutbox.Message(QuizNightTest.CHANNEL, "777",
                    first.askPractice());
            first.click(1, question, 1);
            first.outbox.hold = QuizRestartTest::isPracticeReveal;
            unconfirmed = first.awaitHeldPost("the practice reveal", QuizRestartTest::isPracticeReveal);
        }   // stopped while Discord had not answered the reveal's post

        try (Bot second = new Bot()) {
            RecordingOutbox.Message reveal = QuizNightTest.awaitPost(second.outbox, "the reveal posted again",
                    QuizRestartTest::isPracticeReveal);
            assertThat(second.outbox.nonceOf(reveal)).contains(unconfirmed.nonce());
            assertThat(reveal.text()).isEqualTo(unconfirmed.message().text()).contains("Got it right: Player 1");
            await("the reveal to count as posted").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> second.quiz.store().pendingReveals().isEmpty());
        }
        try (Bot third = new Bot()) {
            assertThat(third.outbox.posts).noneMatch(QuizRestartTest::isPracticeReveal);
        }
    }

    @Test
    void aRevealNotConfirmedLongerAgoThanDiscordDropsRepeatsIsNotPostedAgain() {
        try (Bot first = new Bot()) {
            first.askPractice();
            first.outbox.hold = QuizRestartTest::isPracticeReveal;
            first.awaitHeldPost("the practice reveal", QuizRestartTest::isPracticeReveal);
        }
        Clock threeMinutesLater = Clock.offset(clock, Duration.ofMinutes(3));
        try (Bot second = new Bot(threeMinutesLater)) {
            // Resuming posts synchronously, so anything it would post is already there.
            assertThat(second.outbox.posts).noneMatch(QuizRestartTest::isPracticeReveal);
            await("the reveal to be given up").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> second.quiz.store().pendingReveals().isEmpty());
        }
    }

    @Test
    void aNightRevealNotConfirmedBeforeTheStopIsPostedAgainBeforeTheNextQuestion() {
        RecordingOutbox.Held unconfirmed;
        try (Bot first = new Bot()) {
            first.startNight(2);
            RecordingOutbox.Message q1 = awaitQuestion(first.outbox, 1, 2);
            first.click(1, q1, 1);
            first.click(2, q1, 0);
            first.outbox.hold = QuizRestartTest::isReveal;
            unconfirmed = first.awaitHeldPost("answer 1", QuizRestartTest::isReveal);
        }

        try (Bot second = new Bot()) {
            RecordingOutbox.Message reveal = awaitReveal(second.outbox, 1, 2);
            RecordingOutbox.Message q2 = awaitQuestion(second.outbox, 2, 2);
            assertThat(second.outbox.nonceOf(reveal)).contains(unconfirmed.nonce());
            assertThat(reveal.text()).isEqualTo(unconfirmed.message().text());
            assertThat(second.outbox.posts.indexOf(reveal)).isLessThan(second.outbox.posts.indexOf(q2));
            assertThat(second.outbox.count(m -> m.text().contains("Question 1 of 2 · Answer: "))).isEqualTo(1);
        }
    }

    @Test
    void finalStandingsNotConfirmedBeforeTheStopArePostedAgainWithTheSameNonce() {
        RecordingOutbox.Held unconfirmed;
        try (Bot first = new Bot()) {
            first.outbox.hold = QuizRestartTest::isFinalStandings;
            first.startNight(1);
            first.click(1, awaitQuestion(first.outbox, 1, 1), 1);
            unconfirmed = first.awaitHeldPost("final standings", QuizRestartTest::isFinalStandings);
        }

        try (Bot second = new Bot()) {
            RecordingOutbox.Message standings = awaitFinal(second.outbox);
            assertThat(second.outbox.nonceOf(standings)).contains(unconfirmed.nonce());
            assertThat(standings.text()).isEqualTo(unconfirmed.message().text()).contains("Player 1");
            await("the standings to count as posted").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> second.quiz.store().pendingEndPosts().isEmpty());
        }
        try (Bot third = new Bot()) {
            assertThat(third.outbox.posts).noneMatch(QuizRestartTest::isFinalStandings);
        }
    }

    private static boolean isReveal(RecordingOutbox.Message m) {
        return QuizNightTest.onlyReportButton(m.reply()) && m.reply().embeds().get(0).title().contains(" · Answer: ");
    }

    private static boolean isFinalStandings(RecordingOutbox.Message m) {
        return !m.reply().embeds().isEmpty() && m.reply().embeds().get(0).title().contains("Quiz night");
    }

    private static boolean isPracticeReveal(RecordingOutbox.Message m) {
        return !m.reply().embeds().isEmpty() && m.reply().embeds().get(0).title().startsWith("Answer: ");
    }
}
