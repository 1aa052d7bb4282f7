package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.VirtualQuiz.ADMIN;
import static dev.lalaland.bot.quiz.VirtualQuiz.CHANNEL;
import static dev.lalaland.bot.quiz.VirtualQuiz.GUILD;
import static dev.lalaland.bot.quiz.VirtualQuiz.player;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.routine.RoutineRunner;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.RecordingOutbox.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole quiz nights and practice questions on a real database, with the production timings on
 * virtual time ({@link VirtualQuiz}): a 10-second question is open for 10 seconds of the bot's
 * clock, and the test moves that clock. The rules of a night are tested here; what Discord adds
 * (messages, buttons and the podium through JDA) is {@link QuizEndToEndTest}'s.
 */
class QuizNightTest {
    private static final QuizTimings STANDARD = QuizTimings.standard();

    @TempDir
    Path dir;
    private VirtualQuiz bot;

    @BeforeEach
    void startBot() {
        bot = new VirtualQuiz(Database.open(dir.resolve("quiz.db")), ManualClock.at("2026-11-28T20:00:00Z"),
                new Random(3));
    }

    @AfterEach
    void stopBot() {
        bot.close();
    }

    @Test
    void aTwoQuestionNightWithFourPlayersChoosingDifferentAnswers() {
        Instant started = bot.clock.instant();
        Reply opening = bot.startNight(player(1), 2, 10);
        assertThat(PlainText.render(opening)).contains("Quiz night").contains("2 questions, 10 s each");

        bot.advance(STANDARD.firstQuestionDelay().minusMillis(1));
        assertThat(bot.outbox.posts()).as("nothing asked before the first question's delay").isEmpty();
        for (int number = 1; number <= 2; number++) {
            Message question = bot.question(number, 2);
            if (number == 1) {
                assertThat(question.at()).isEqualTo(started.plus(STANDARD.firstQuestionDelay()));
            }
            assertThat(question.channelId()).isEqualTo(CHANNEL);
            assertThat(question.reply().embeds().get(0).description()).containsPattern("<t:\\d+:R>");
            for (int p = 1; p <= 4; p++) {
                // Question 1: player 2 is right; question 2: player 1 is right (the answer is always the second button).
                int choice = number == 1 ? p - 1 : p % 4;
                Reply ack = bot.click(player(p), question, choice);
                assertThat(ack.ephemeral()).isTrue();
                assertThat(ack.content()).startsWith("Locked in: **" + question.reply().buttons().get(choice).label());
                assertThat(ack.content()).doesNotContainIgnoringCase("right").doesNotContainIgnoringCase("wrong");
            }
            if (number == 1) {
                // The first question has no known players yet, so it runs its full time and the grace after it.
                bot.advanceTo(question.at().plus(STANDARD.roundLength(10)).plus(STANDARD.closeGrace()).minusMillis(1));
                assertThat(bot.outbox.find(VirtualQuiz.isReveal(1, 2))).as("still open").isEmpty();
            }
            Message reveal = bot.reveal(number, 2);
            if (number == 1) {
                assertThat(reveal.at()).isEqualTo(question.at().plus(STANDARD.roundLength(10)).plus(STANDARD.closeGrace()));
            } else {
                assertThat(reveal.at()).as("everyone playing answered: closed at once").isEqualTo(question.at());
                assertThat(reveal.text()).contains("closed early");
            }
            String label = question.reply().buttons().get(1).label();
            assertThat(reveal.title()).endsWith("Answer: " + label);
            assertThat(reveal.text()).contains("✅ " + label + ": 1");
            for (int c : new int[] {0, 2, 3}) {
                assertThat(reveal.text()).contains(question.reply().buttons().get(c).label() + ": 1");
            }
            assertThat(reveal.text()).contains("Because B").containsPattern("\\+\\d+ Player " + (number == 1 ? 2 : 1));
            assertThat(reveal.text()).contains("Standings");
        }

        Message over = bot.finalStandings();
        assertThat(over.reply().attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("podium.png");
            assertThat(a.data()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        });
        assertThat(over.text()).contains("🏆 Quiz night over").contains("Player 1").contains("Player 2")
                .doesNotContain("Player 3");
        assertThat(bot.outbox.edits()).as("the buttons of both questions disabled").hasSize(2)
                .allSatisfy(e -> assertThat(e.reply().buttons()).allMatch(b -> b.disabled()));

        Map<String, Integer> announced = bot.pointsAnnounced();
        List<Standing> board = bot.quiz.store().leaderboard(GUILD, 10);
        assertThat(board).extracting(Standing::displayName).containsExactlyInAnyOrder("Player 1", "Player 2");
        assertThat(board.get(0).points()).isGreaterThanOrEqualTo(board.get(1).points());
        board.forEach(s -> assertThat(s.points()).isEqualTo(announced.get(s.displayName())));
        String leaderboard = PlainText.render(bot.command(player(3), "leaderboard", Map.of()));
        assertThat(leaderboard.indexOf(board.get(0).displayName())).isLessThan(leaderboard.indexOf(board.get(1).displayName()));
        assertThat(bot.command(player(1), "start", Map.of("questions", "1")).ephemeral()).as("the channel is free again").isFalse();
    }

    @Test
    void aQuestionCountsAnswersUpToItsDeadlineByTheBotsClock() {
        bot.startNight(player(1), 1, 10);
        Message question = bot.question(1, 1);
        Instant deadline = question.at().plus(STANDARD.roundLength(10));
        bot.advanceTo(deadline);
        assertThat(bot.click(player(2), question, 1).content()).as("at the deadline").startsWith("Locked in");
        bot.advanceTo(deadline.plusMillis(1));
        assertThat(bot.click(player(3), question, 1).content()).startsWith("⏱️ Time's up!");
        assertThat(bot.reveal(1, 1).text()).contains("+").contains("Player 2").doesNotContain("Player 3");
    }

    @Test
    void oneNightPerChannelAndOnlyTheHostOrAManagerStopsIt() {
        bot.startNight(player(1), 5, 120);
        Reply second = bot.command(player(2), "start", Map.of());
        assertThat(second.ephemeral()).isTrue();
        assertThat(second.content()).contains("already running").contains("/quiz stop").contains("Player 1");

        bot.question(1, 5);
        Reply refused = bot.command(player(2), "stop", Map.of());
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Only the host");

        Reply stopped = bot.command(ADMIN, "stop", Map.of());
        assertThat(stopped.ephemeral()).isFalse();
        assertThat(PlainText.render(stopped)).contains("stopped by Admin");
        Message over = bot.finalStandings();
        assertThat(over.text()).contains("Quiz night stopped").contains("After 1 of 5 questions");
        assertThat(bot.command(player(2), "stop", Map.of()).content()).contains("No quiz night is running");
        assertThat(bot.command(player(2), "start", Map.of("questions", "1")).ephemeral()).isFalse();
    }

    @Test
    void optionsOutOfRangeAreRefusedPrivately() {
        assertThat(bot.command(player(1), "start", Map.of("questions", "51")).content()).contains("questions").contains("50");
        assertThat(bot.command(player(1), "start", Map.of("seconds", "9")).content()).contains("seconds").contains("10");
        assertThat(bot.command(player(1), "start", Map.of("category", "music")).content()).contains("category");
        assertThat(bot.command(player(1), "question", Map.of("difficulty", "insane")).ephemeral()).isTrue();
        assertThat(bot.quiz.store().runningNight(CHANNEL)).isEmpty();
    }

    @Test
    void aNarrowChoiceShortensTheNightSoNoQuestionRepeats() {
        Reply started = bot.command(player(1), "start", Map.of("questions", "50", "seconds", "10", "category", "cast"));
        assertThat(PlainText.render(started)).contains("Only 3 questions match");
        assertThat(bot.quiz.store().runningNight(CHANNEL).orElseThrow().questionCount()).isEqualTo(3);
    }

    @Test
    void aQuestionMutedInThisServerIsNotAskedInItsNights() {
        ButtonHandler mute = bot.quiz.buttonHandlers().stream().filter(h -> h.prefix().equals("mute")).findFirst()
                .orElseThrow();
        assertThat(mute.onClick(new ButtonClick("mute:on:test.2", "m", ADMIN, bot.clock.instant())).content())
                .startsWith("Muted: Test question 2?");
        // Cast is questions 2, 4 and 6 of the test bank: with 2 muted, a night of three has two.
        Reply started = bot.command(player(1), "start", Map.of("questions", "3", "seconds", "10", "category", "cast"));
        assertThat(PlainText.render(started)).contains("Only 2 questions match");
        bot.reveal(2, 2);
        assertThat(bot.outbox.posts()).extracting(Message::text)
                .noneMatch(text -> text.contains("Test question 2?"))
                .anyMatch(text -> text.contains("Test question 4?"));
    }

    @Test
    void aChannelThatRefusesTheBotEndsTheNightAndIsFreedAtOnce() {
        bot.outbox.refusePermanently();
        bot.startNight(player(1), 3, 10);
        bot.advance(STANDARD.firstQuestionDelay());
        assertThat(bot.outbox.sent()).as("the first question was tried").hasSize(1);
        assertThat(bot.quiz.store().runningNight(CHANNEL)).as("ended at the first refusal").isEmpty();
        assertThat(bot.quiz.store().runningNights()).isEmpty();
        assertThat(bot.quiz.store().openRounds()).as("no question left open").isEmpty();
        // Left: the process-wide routines only (the quiz's, and the renewal of this process's night leases).
        assertThat(bot.routines.report()).extracting(RoutineRunner.Status::name).as("no timer left for it")
                .containsExactlyInAnyOrder("quiz", "quiz night leases");
        bot.outbox.accept();
        assertThat(bot.command(player(1), "start", Map.of("questions", "1")).ephemeral()).isFalse();
    }

    @Test
    void aPracticeQuestionIsAnsweredOnceAndRevealedWithWhoGotItRight() {
        Instant asked = bot.clock.instant();
        Reply question = bot.askPractice(player(1));
        assertThat(question.ephemeral()).isFalse();
        assertThat(question.buttons()).hasSize(4);
        String right = question.buttons().get(1).label();
        Message asPosted = Message.asPosted(CHANNEL, "555", question);
        assertThat(bot.click(player(1), asPosted, 1).content()).startsWith("Locked in: **" + right);
        assertThat(bot.click(player(1), asPosted, 2).content()).contains("already answered").contains(right);
        bot.click(player(2), asPosted, 3);

        Instant revealAt = asked.plus(STANDARD.practiceOpen()).plus(STANDARD.closeGrace());
        bot.advanceTo(revealAt.minusMillis(1));
        assertThat(bot.outbox.posts()).as("open for its full time").isEmpty();
        Message reveal = bot.runUntilPosted("the practice reveal", m -> m.title().equals("Answer: " + right));
        assertThat(reveal.at()).isEqualTo(revealAt);
        assertThat(reveal.text()).contains("Got it right: Player 1").contains("Because B");
        assertThat(bot.outbox.edits()).as("the question's buttons disabled").singleElement()
                .satisfies(e -> assertThat(e.messageId()).isEqualTo("555"));
        assertThat(bot.click(player(3), asPosted, 1).content()).contains("has closed");
        assertThat(bot.quiz.store().leaderboard(GUILD, 10)).as("practice is not scored").isEmpty();
    }

    @Test
    void aQuestionAskedAgainWithinTheSameSecondIsANewMessageAndEveryNonceFitsDiscord() {
        Question q = TestQuestions.question(1, "cast", Difficulty.EASY);
        Instant opened = Instant.parse("2026-11-28T20:00:00.100Z");
        Round asked = new Round(9_999_999_999L, 1L, 50, GUILD, CHANNEL, q, null, opened, opened.plusSeconds(20), true);
        Round askedAgain = new Round(asked.id(), 1L, 50, GUILD, CHANNEL, q, null, opened.plusMillis(800),
                opened.plusSeconds(21), true);
        assertThat(QuizNights.questionNonce(askedAgain)).as("Discord must not drop it as a repeat")
                .isNotEqualTo(QuizNights.questionNonce(asked));
        assertThat(List.of(QuizNights.questionNonce(asked), QuizNights.revealNonce(asked)))
                .allSatisfy(nonce -> assertThat(nonce).hasSizeLessThanOrEqualTo(25));
    }
}
