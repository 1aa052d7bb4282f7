package dev.lalaland.bot.quiz;

import dev.lalaland.bot.routine.RoutineRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.ManualScheduler;
import dev.lalaland.bot.testing.RecordingOutbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clicks on answer buttons, judged by the bot's clock (a hand-moved one here). */
class AnswerButtonsTest {
    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T20:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private Database database;
    private RecordingOutbox outbox;

    private Quiz quiz(QuizTimings timings) {
        database = Database.open(dir.resolve("quiz.db"));
        outbox = new RecordingOutbox(clock);
        RoutineRunner routines = new RoutineRunner(clock, scheduler);
        Quiz quiz = new Quiz(database, TestQuestions.bank(4), clock, routines, outbox, timings, new Random());
        routines.start();
        return quiz;
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        database.close();
    }

    private Reply ask(Quiz quiz) {
        return quiz.command().handle(new CommandRequest("quiz", "question", Map.of(), VirtualQuiz.player(1),
                clock.instant()));
    }

    private static Reply click(Quiz quiz, String customId, int player, Instant at) {
        Reply reply = quiz.buttons().onClick(new ButtonClick(customId, "m1", VirtualQuiz.player(player), at));
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        return reply;
    }

    @Test
    void theDeadlineIsTheBotsNotThePlayers() {
        Quiz quiz = quiz(QuizTimings.standard());
        Reply question = ask(quiz);
        String button = question.buttons().get(0).id();
        Instant deadline = clock.instant().plus(QuizTimings.standard().practiceOpen());
        assertThat(click(quiz, button, 1, deadline.plusMillis(1)).content()).startsWith("⏱️ Time's up!");
        assertThat(click(quiz, button, 2, deadline).content()).startsWith("Locked in");
        clock.advance(Duration.ofMinutes(5));
        // A click that arrived in time but whose handling started late still counts: it is judged by its arrival.
        assertThat(click(quiz, button, 3, deadline.minusSeconds(1)).content()).startsWith("Locked in");
        assertThat(click(quiz, button, 4, null).content()).as("no arrival time: judged now").startsWith("⏱️ Time's up!");
    }

    @Test
    void forgedOrStaleButtonsGetAPoliteAnswer() {
        Quiz quiz = quiz(QuizTimings.standard());
        assertThat(click(quiz, "quiz:abc", 1, clock.instant()).content()).contains("not a quiz answer");
        assertThat(click(quiz, "quiz:1:9", 1, clock.instant()).content()).contains("not a quiz answer");
        assertThat(click(quiz, "quiz:424242:1", 1, clock.instant()).content()).contains("no longer exists");
        assertThat(click(quiz, "quiz:424242:1", 1, clock.instant()).ephemeral()).isTrue();

        // A real question's button id, clicked in another server's channel: not counted there, nor anywhere.
        String button = ask(quiz).buttons().get(0).id();
        Invoker elsewhere = new Invoker("u-elsewhere", "Eve", "another-guild", "another-channel", false);
        Reply forged = quiz.buttons().onClick(new ButtonClick(button, "m1", elsewhere, clock.instant()));
        assertThat(forged.content()).contains("no longer exists");
        assertThat(click(quiz, button, 2, clock.instant()).content()).as("the question itself still counts answers")
                .startsWith("Locked in");
    }

    @Test
    void consoleTimingsRevealTheAnswerAsSoonAsTheOnePlayerAnswers() {
        Quiz quiz = quiz(QuizTimings.forConsole());
        Reply question = ask(quiz);
        String right = question.buttons().get(1).label();
        Reply reveal = click(quiz, question.buttons().get(3).id(), 1, clock.instant());
        assertThat(reveal.ephemeral()).isFalse();
        assertThat(reveal.content()).startsWith("Locked in: **" + question.buttons().get(3).label());
        assertThat(reveal.embeds().get(0).title()).isEqualTo("Answer: " + right);
        assertThat(outbox.posts()).as("the reveal is the click's reply, not a second message").isEmpty();
        assertThat(click(quiz, question.buttons().get(1).id(), 1, clock.instant()).content()).contains("has closed");
    }
}
