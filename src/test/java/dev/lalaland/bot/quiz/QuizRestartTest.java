package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.VirtualQuiz.CHANNEL;
import static dev.lalaland.bot.quiz.VirtualQuiz.GUILD;
import static dev.lalaland.bot.quiz.VirtualQuiz.player;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.RecordingOutbox.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot stopped in the middle of a night, and a new one started on the same database file and
 * the same virtual clock: nothing runs while it is stopped, and the clock moves only when the
 * test says the restart took that long.
 */
class QuizRestartTest {
    @TempDir
    Path dir;
    private final ManualClock clock = ManualClock.at("2026-11-28T20:00:00Z");

    private VirtualQuiz bot() {
        return new VirtualQuiz(Database.open(dir.resolve("quiz.db")), clock, new Random());
    }

    @Test
    void theNightGoesOnAfterARestartAndNoScoreIsLostOrCountedTwice() {
        Message q2BeforeRestart;
        int q1Points;
        try (VirtualQuiz first = bot()) {
            first.startNight(player(1), 3, 10);
            Message q1 = first.question(1, 3);
            first.click(player(1), q1, 1);
            first.click(player(2), q1, 0);
            // Three play, so question 2 with two answers is not closed early (everyone playing answered).
            first.click(player(3), q1, 2);
            first.reveal(1, 3);
            q1Points = first.quiz.store().standings(1, 10).get(0).points();

            q2BeforeRestart = first.question(2, 3);
            assertThat(first.click(player(1), q2BeforeRestart, 1).content()).startsWith("Locked in");
            assertThat(first.click(player(2), q2BeforeRestart, 1).content()).startsWith("Locked in");
            first.runDue();
            assertThat(first.quiz.store().openRound(1)).as("two of three answered: still open").isPresent();
        }   // the bot stops with question 2 open and two answers stored

        clock.advance(Duration.ofSeconds(30));   // longer than the question had left
        try (VirtualQuiz second = bot()) {
            Message reposted = second.posted("question 2 asked again", VirtualQuiz.isQuestion(2, 3));
            assertThat(reposted.text()).contains("Asked again after a restart");
            // The old message's buttons still work: the earlier answer is remembered, not counted again.
            assertThat(second.click(player(1), q2BeforeRestart, 2).content()).contains("already answered");
            assertThat(second.click(player(3), reposted, 1).content()).startsWith("Locked in");
            Message reveal2 = second.reveal(2, 3);
            assertThat(reveal2.text()).contains(reposted.reply().buttons().get(1).label() + ": 3");

            Message q3 = second.question(3, 3);
            second.click(player(1), q3, 1);
            second.reveal(3, 3);
            second.finalStandings();

            Map<String, Integer> afterRestart = second.pointsAnnounced();
            int expectedPlayer1 = q1Points + afterRestart.get("Player 1");
            assertThat(second.quiz.store().leaderboard(GUILD, 10))
                    .extracting(Standing::displayName, Standing::points, Standing::correct)
                    .containsExactly(
                            Tuple.tuple("Player 1", expectedPlayer1, 3),
                            Tuple.tuple("Player 2", afterRestart.get("Player 2"), 1),
                            Tuple.tuple("Player 3", afterRestart.get("Player 3"), 1));
            assertThat(second.quiz.store().runningNights()).isEmpty();
        }
    }

    @Test
    void aPracticeQuestionOpenAtShutdownIsRevealedAfterTheRestart() {
        Message question;
        Instant asked = clock.instant();
        try (VirtualQuiz first = bot()) {
            question = Message.asPosted(CHANNEL, "777", first.askPractice(player(1)));
            first.click(player(1), question, 1);
        }
        try (VirtualQuiz second = bot()) {
            Message reveal = second.runUntilPosted("the practice reveal", VirtualQuiz::isPracticeReveal);
            assertThat(reveal.at()).as("at its own deadline, not a fresh one").isEqualTo(asked
                    .plus(QuizTimings.standard().practiceOpen()).plus(QuizTimings.standard().closeGrace()));
            assertThat(reveal.text()).contains("Got it right: Player 1");
        }
    }

    @Test
    void aPracticeRevealNotConfirmedBeforeTheStopIsPostedAgainWithTheSameNonce() {
        Message unconfirmed;
        try (VirtualQuiz first = bot()) {
            Message question = Message.asPosted(CHANNEL, "777", first.askPractice(player(1)));
            first.click(player(1), question, 1);
            first.outbox.neverAnswer(VirtualQuiz::isPracticeReveal);
            unconfirmed = first.runUntilSent("the practice reveal", VirtualQuiz::isPracticeReveal);
        }   // stopped while Discord had not answered the reveal's post

        try (VirtualQuiz second = bot()) {
            // Resuming posts in the start-up thread, so it is already there.
            Message reveal = second.posted("the reveal posted again", VirtualQuiz::isPracticeReveal);
            assertThat(reveal.nonce()).isEqualTo(unconfirmed.nonce()).isNotNull();
            assertThat(reveal.text()).isEqualTo(unconfirmed.text()).contains("Got it right: Player 1");
            second.settle();
            assertThat(second.quiz.store().pendingReveals()).as("the reveal counts as posted").isEmpty();
        }
        try (VirtualQuiz third = bot()) {
            third.runDue();
            assertThat(third.outbox.sent()).noneMatch(VirtualQuiz::isPracticeReveal);
        }
    }

    @Test
    void aRevealNotConfirmedLongerAgoThanDiscordDropsRepeatsIsNotPostedAgain() {
        try (VirtualQuiz first = bot()) {
            first.askPractice(player(1));
            first.outbox.neverAnswer(VirtualQuiz::isPracticeReveal);
            first.runUntilSent("the practice reveal", VirtualQuiz::isPracticeReveal);
        }
        clock.advance(Duration.ofMinutes(3));
        try (VirtualQuiz second = bot()) {
            second.runDue();
            assertThat(second.outbox.sent()).noneMatch(VirtualQuiz::isPracticeReveal);
            second.settle();
            assertThat(second.quiz.store().pendingReveals()).as("the reveal is given up").isEmpty();
        }
    }

    @Test
    void aNightRevealNotConfirmedBeforeTheStopIsPostedAgainBeforeTheNextQuestion() {
        Message unconfirmed;
        try (VirtualQuiz first = bot()) {
            first.startNight(player(1), 2, 10);
            Message q1 = first.question(1, 2);
            first.click(player(1), q1, 1);
            first.click(player(2), q1, 0);
            first.outbox.neverAnswer(VirtualQuiz::isAnyNightReveal);
            unconfirmed = first.runUntilSent("answer 1", VirtualQuiz::isAnyNightReveal);
        }

        try (VirtualQuiz second = bot()) {
            Message reveal = second.posted("answer 1 posted again", VirtualQuiz.isReveal(1, 2));
            Message q2 = second.question(2, 2);
            assertThat(reveal.nonce()).isEqualTo(unconfirmed.nonce());
            assertThat(reveal.text()).isEqualTo(unconfirmed.text());
            assertThat(second.outbox.posts().indexOf(reveal)).isLessThan(second.outbox.posts().indexOf(q2));
            assertThat(second.outbox.count(m -> m.text().contains("Question 1 of 2 · Answer: "))).isEqualTo(1);
        }
    }

    @Test
    void finalStandingsNotConfirmedBeforeTheStopArePostedAgainWithTheSameNonce() {
        Message unconfirmed;
        try (VirtualQuiz first = bot()) {
            first.outbox.neverAnswer(VirtualQuiz::isFinalStandings);
            first.startNight(player(1), 1, 10);
            first.click(player(1), first.question(1, 1), 1);
            unconfirmed = first.runUntilSent("final standings", VirtualQuiz::isFinalStandings);
        }

        try (VirtualQuiz second = bot()) {
            Message standings = second.finalStandings();
            assertThat(standings.nonce()).isEqualTo(unconfirmed.nonce()).isNotNull();
            assertThat(standings.text()).isEqualTo(unconfirmed.text()).contains("Player 1");
            second.settle();
            assertThat(second.quiz.store().pendingEndPosts()).as("the standings count as posted").isEmpty();
        }
        try (VirtualQuiz third = bot()) {
            third.runDue();
            assertThat(third.outbox.sent()).noneMatch(VirtualQuiz::isFinalStandings);
        }
    }
}
