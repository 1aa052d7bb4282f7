package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.VirtualQuiz.ADMIN;
import static dev.lalaland.bot.quiz.VirtualQuiz.player;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.StoreKind;
import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.RecordingOutbox.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host's control panel and the early close, on a real SQLite file and a real PostgreSQL
 * server, with the production timings on virtual time ({@link VirtualQuiz}): a pause can be held
 * for exactly as long as the test says, and the time left is kept to the millisecond.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class HostControlsTest {
    private static final QuizTimings STANDARD = QuizTimings.standard();

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    private final ManualClock clock = ManualClock.at("2026-11-28T20:00:00Z");

    /** One run of the bot over the test's database; a second one is a restart. */
    private VirtualQuiz bot() {
        return new VirtualQuiz(kind.open(dir), clock, new Random(5));
    }

    @Test
    void theOpeningMessageCarriesTheControlsAndOnlyTheHostOrManageServerMayUseThem() {
        try (VirtualQuiz bot = bot()) {
            Reply opening = bot.startNight(player(1), 3, 20);
            assertThat(opening.buttons()).extracting(Button::label)
                    .containsExactly("Pause", "Resume", "Skip question", "End night");
            bot.question(1, 3);

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
        try (VirtualQuiz bot = bot()) {
            Reply opening = bot.startNight(player(1), 2, 20);
            Message q1 = bot.question(1, 2);
            Instant deadline = bot.quiz.store().openRound(1).orElseThrow().closesAt();
            bot.advance(Duration.ofSeconds(5));
            assertThat(bot.control(player(1), opening, "Pause").content()).contains("paused").contains("15 s left");

            // A click that reached the bot in the same millisecond as the pause still counts; one after it waits.
            bot.advance(Duration.ofSeconds(1));
            Reply refused = bot.click(player(2), q1, 0);
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.content()).contains("paused");
            assertThat(bot.control(player(1), opening, "Skip question").content()).contains("Resume first");

            // Longer than the whole question: had the countdown run on, it would have closed.
            bot.advanceTo(deadline.plus(Duration.ofMinutes(1)));
            assertThat(bot.quiz.store().openRound(1)).as("still open while paused").isPresent();
            assertThat(bot.outbox.find(VirtualQuiz.isReveal(1, 2))).isEmpty();

            Reply resumed = bot.control(player(1), opening, "Resume");
            assertThat(resumed.content()).startsWith("▶️ Quiz night resumed by Player 1: question 1 is open again with ");
            Round reopened = bot.quiz.store().openRound(1).orElseThrow();
            assertThat(reopened.closesAt()).as("the 15 s it had left").isEqualTo(bot.clock.instant().plusSeconds(15));
            assertThat(bot.outbox.edits()).as("the question shows its new deadline")
                    .anyMatch(m -> m.reply().embeds().get(0).description().contains(QuizRenderer.relative(reopened.closesAt())));

            assertThat(bot.click(player(2), q1, 0).content()).startsWith("Locked in");
            Message reveal = bot.reveal(1, 2);
            assertThat(reveal.at()).isEqualTo(reopened.closesAt().plus(STANDARD.closeGrace()));
        }
    }

    @Test
    void skipClosesTheQuestionNowAndEndNightPostsTheStandings() {
        try (VirtualQuiz bot = bot()) {
            Reply opening = bot.startNight(player(1), 3, 120);
            Message q1 = bot.question(1, 3);
            int right = bot.quiz.store().openRound(1).orElseThrow().question().answer();
            bot.click(player(2), q1, right);
            assertThat(bot.control(player(1), opening, "Skip question").content()).contains("skipped question 1");
            Message reveal = bot.posted("answer 1", VirtualQuiz.isReveal(1, 3));
            assertThat(reveal.at()).as("closed at once").isEqualTo(q1.at());
            assertThat(reveal.text()).contains("Skipped by Player 1").containsPattern("\\+\\d+ Player 2");

            Message q2 = bot.question(2, 3);
            assertThat(q2.at()).isEqualTo(reveal.at().plus(STANDARD.pause()));
            assertThat(bot.control(player(1), opening, "End night").content()).contains("stopped by Player 1");
            Message over = bot.finalStandings();
            assertThat(over.at()).as("at once").isEqualTo(q2.at());
            assertThat(over.text()).contains("stopped").contains("After 2 of 3 questions").contains("Player 2");
            assertThat(bot.control(player(1), opening, "Pause").content()).contains("has ended");
        }
    }

    @Test
    void aQuestionClosesEarlyOnceEveryonePlayingHasAnswered() {
        try (VirtualQuiz bot = bot()) {
            bot.startNight(player(1), 2, 120);
            Message q1 = bot.question(1, 2);
            bot.click(player(1), q1, 0);
            bot.click(player(2), q1, 1);
            bot.runDue();
            assertThat(bot.quiz.store().openRound(1)).as("the first question has no known players: it runs its time")
                    .isPresent();
            Message reveal1 = bot.reveal(1, 2);
            assertThat(reveal1.at()).isEqualTo(q1.at().plus(STANDARD.roundLength(120)).plus(STANDARD.closeGrace()));
            assertThat(reveal1.text()).doesNotContain("closed early");

            Message q2 = bot.question(2, 2);
            bot.click(player(1), q2, 0);
            bot.runDue();
            assertThat(bot.quiz.store().openRound(1)).as("one of two has answered").isPresent();
            bot.click(player(2), q2, 2);
            Message reveal2 = bot.reveal(2, 2);
            assertThat(reveal2.at()).isEqualTo(q2.at());
            assertThat(reveal2.text()).contains("Everyone playing has answered, so it closed early");
        }
    }

    @Test
    void aPauseSurvivesARestartAndAPauseLeftForHalfAnHourEndsTheNight() {
        Reply opening;
        try (VirtualQuiz first = bot()) {
            opening = first.startNight(player(1), 3, 20);
            Message q1 = first.question(1, 3);
            first.click(player(2), q1, first.quiz.store().openRound(1).orElseThrow().question().answer());
            first.control(player(1), opening, "Pause");
        }
        clock.advance(Duration.ofMinutes(10));
        Instant pausedAgain;
        try (VirtualQuiz second = bot()) {
            // Still paused: nothing is asked again, and the open question waits.
            second.advance(Duration.ofMinutes(5));
            assertThat(second.quiz.store().runningNights()).singleElement();
            assertThat(second.outbox.sent()).isEmpty();
            assertThat(second.control(player(1), opening, "Resume").content()).contains("question 1 is open again");
            second.control(player(1), opening, "Pause");
            pausedAgain = clock.instant();
        }
        try (VirtualQuiz third = bot()) {
            third.advanceTo(pausedAgain.plus(Duration.ofMinutes(30)).minusMillis(1));
            assertThat(third.quiz.store().runningNights()).as("paused, not yet given up").singleElement();
            Message over = third.finalStandings();
            assertThat(over.at()).isEqualTo(pausedAgain.plus(Duration.ofMinutes(30)));
            assertThat(over.reply().embeds().get(0).title()).isEqualTo("⏹️ Quiz night ended after 30 minutes paused");
            assertThat(over.text()).contains("Player 2");
            assertThat(third.quiz.store().runningNights()).isEmpty();
            assertThat(third.quiz.store().leaderboard(VirtualQuiz.GUILD, 10)).extracting(Standing::displayName)
                    .containsExactly("Player 2");
        }
    }
}
