package dev.lalaland.bot.quiz;

import static org.awaitility.Awaitility.await;
import dev.lalaland.bot.routine.RoutineRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.render.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole quiz nights on a real database and real timers, with every wait shortened: one "second"
 * of the seconds option lasts 50 ms, so a 10-second question is open for half a second.
 */
class QuizNightTest {
    static final QuizTimings FAST = new QuizTimings(Duration.ofMillis(500), Duration.ofMillis(10),
            Duration.ofMillis(30), Duration.ofMillis(50), Duration.ofMillis(20), 0);
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String GUILD = "200000000000000001";
    static final String CHANNEL = "300000000000000001";

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private Database database;
    private ScheduledExecutorService executor;
    private RoutineRunner routines;
    private RecordingOutbox outbox;
    private Quiz quiz;
    private Dispatcher dispatcher;

    static Invoker player(int n) {
        return new Invoker("40000000000000000" + n, "Player " + n, GUILD, CHANNEL, false);
    }

    static final Invoker ADMIN = new Invoker("400000000000000099", "Admin", GUILD, CHANNEL, true);

    @BeforeEach
    void startBot() {
        database = Database.open(dir.resolve("quiz.db"));
        executor = Executors.newScheduledThreadPool(2);
        outbox = new RecordingOutbox();
        routines = new RoutineRunner(clock, executor);
        quiz = new Quiz(database, TestQuestions.bank(6), clock, routines, outbox, FAST, new Random(3));
        dispatcher = new Dispatcher(new CommandRegistry(List.of(quiz.command()), List.of(quiz.buttons())));
        routines.start();
    }

    @AfterEach
    void stopBot() {
        routines.stop();
        executor.shutdownNow();
        database.close();
        assertThat(outbox.violations).as("every message fits Discord's limits").isEmpty();
    }

    private Reply command(Invoker who, String sub, Map<String, String> options) {
        Reply reply = dispatcher.command(new CommandRequest("quiz", sub, options, who, clock.instant()));
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        return reply;
    }

    private Reply click(Invoker who, RecordingOutbox.Message question, int choice) {
        String id = question.reply().buttons().get(choice).id();
        Reply reply = dispatcher.click(new ButtonClick(id, question.messageId(), who, clock.instant()));
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        return reply;
    }

    static RecordingOutbox.Message awaitPost(RecordingOutbox outbox, String what, Predicate<RecordingOutbox.Message> test) {
        await(what).atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> outbox.find(test).isPresent());
        return outbox.find(test).orElseThrow();
    }

    static RecordingOutbox.Message awaitQuestion(RecordingOutbox outbox, int number, int of) {
        return awaitPost(outbox, "question " + number, m -> m.reply().buttons().size() == Question.CHOICES
                && m.reply().embeds().get(0).title().startsWith("Question " + number + " of " + of + " ·"));
    }

    /** A reveal's one button: Report, with the question's id. */
    static boolean onlyReportButton(Reply reply) {
        return reply.buttons().size() == 1 && reply.buttons().get(0).id().startsWith("report:")
                && reply.buttons().get(0).label().equals("Report");
    }

    static RecordingOutbox.Message awaitReveal(RecordingOutbox outbox, int number, int of) {
        return awaitPost(outbox, "answer " + number, m -> onlyReportButton(m.reply()) && !m.reply().embeds().isEmpty()
                && m.reply().embeds().get(0).title().startsWith("Question " + number + " of " + of + " · Answer: "));
    }

    static RecordingOutbox.Message awaitFinal(RecordingOutbox outbox) {
        return awaitPost(outbox, "final standings", m -> !m.reply().embeds().isEmpty()
                && m.reply().embeds().get(0).title().contains("Quiz night"));
    }

    /** Sums the "+N Player k" lines of every reveal: what players were told they gained. */
    static Map<String, Integer> pointsAnnounced(RecordingOutbox outbox) {
        Map<String, Integer> points = new HashMap<>();
        Pattern gained = Pattern.compile("\\+(\\d+) (Player \\d+)");
        for (RecordingOutbox.Message m : outbox.posts) {
            if (m.reply().embeds().isEmpty() || !m.reply().embeds().get(0).title().contains("· Answer: ")) {
                continue;
            }
            Matcher matcher = gained.matcher(m.text());
            while (matcher.find()) {
                points.merge(matcher.group(2), Integer.parseInt(matcher.group(1)), Integer::sum);
            }
        }
        return points;
    }

    @Test
    void aTwoQuestionNightWithFourPlayersChoosingDifferentAnswers() {
        Reply started = command(player(1), "start", Map.of("questions", "2", "seconds", "10"));
        assertThat(PlainText.render(started)).contains("Quiz night").contains("2 questions, 10 s each");
        assertThat(started.ephemeral()).isFalse();

        for (int number = 1; number <= 2; number++) {
            RecordingOutbox.Message question = awaitQuestion(outbox, number, 2);
            assertThat(question.channelId()).isEqualTo(CHANNEL);
            assertThat(question.reply().embeds().get(0).description()).containsPattern("<t:\\d+:R>");
            for (int p = 1; p <= 4; p++) {
                // Question 1: player 2 is right; question 2: player 1 is right (the answer is always the second button).
                int choice = number == 1 ? p - 1 : p % 4;
                Reply ack = click(player(p), question, choice);
                assertThat(ack.ephemeral()).isTrue();
                assertThat(ack.content()).startsWith("Locked in: **" + question.reply().buttons().get(choice).label());
                assertThat(ack.content()).doesNotContainIgnoringCase("right").doesNotContainIgnoringCase("wrong");
            }
            RecordingOutbox.Message reveal = awaitReveal(outbox, number, 2);
            String label = question.reply().buttons().get(1).label();
            assertThat(reveal.reply().embeds().get(0).title()).endsWith("Answer: " + label);
            assertThat(reveal.text()).contains("✅ " + label + ": 1");
            for (int c : new int[] {0, 2, 3}) {
                assertThat(reveal.text()).contains(question.reply().buttons().get(c).label() + ": 1");
            }
            assertThat(reveal.text()).contains("Because B").containsPattern("\\+\\d+ Player " + (number == 1 ? 2 : 1));
            assertThat(reveal.text()).contains("Standings");
        }

        RecordingOutbox.Message over = awaitFinal(outbox);
        assertThat(over.reply().attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("podium.png");
            assertThat(a.data()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        });
        assertThat(over.text()).contains("🏆 Quiz night over").contains("Player 1").contains("Player 2")
                .doesNotContain("Player 3");
        await("the buttons of both questions disabled").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> outbox.edits.size() >= 2);
        assertThat(outbox.edits).allSatisfy(e -> assertThat(e.reply().buttons()).allMatch(b -> b.disabled()));

        Map<String, Integer> announced = pointsAnnounced(outbox);
        List<Standing> board = quiz.store().leaderboard(GUILD, 10);
        assertThat(board).extracting(Standing::displayName).containsExactlyInAnyOrder("Player 1", "Player 2");
        assertThat(board.get(0).points()).isGreaterThanOrEqualTo(board.get(1).points());
        board.forEach(s -> assertThat(s.points()).isEqualTo(announced.get(s.displayName())));
        String leaderboard = PlainText.render(command(player(3), "leaderboard", Map.of()));
        assertThat(leaderboard.indexOf(board.get(0).displayName())).isLessThan(leaderboard.indexOf(board.get(1).displayName()));
        assertThat(command(player(1), "start", Map.of("questions", "1")).ephemeral()).as("the channel is free again").isFalse();
    }

    @Test
    void oneNightPerChannelAndOnlyTheHostOrAManagerStopsIt() {
        command(player(1), "start", Map.of("questions", "5", "seconds", "120"));
        Reply second = command(player(2), "start", Map.of());
        assertThat(second.ephemeral()).isTrue();
        assertThat(second.content()).contains("already running").contains("/quiz stop").contains("Player 1");

        awaitQuestion(outbox, 1, 5);
        Reply refused = command(player(2), "stop", Map.of());
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Only the host");

        Reply stopped = command(ADMIN, "stop", Map.of());
        assertThat(stopped.ephemeral()).isFalse();
        assertThat(PlainText.render(stopped)).contains("stopped by Admin");
        RecordingOutbox.Message over = awaitFinal(outbox);
        assertThat(over.text()).contains("Quiz night stopped").contains("After 1 of 5 questions");
        assertThat(command(player(2), "stop", Map.of()).content()).contains("No quiz night is running");
        assertThat(command(player(2), "start", Map.of("questions", "1")).ephemeral()).isFalse();
    }

    @Test
    void optionsOutOfRangeAreRefusedPrivately() {
        assertThat(command(player(1), "start", Map.of("questions", "51")).content()).contains("questions").contains("50");
        assertThat(command(player(1), "start", Map.of("seconds", "9")).content()).contains("seconds").contains("10");
        assertThat(command(player(1), "start", Map.of("category", "music")).content()).contains("category");
        assertThat(command(player(1), "question", Map.of("difficulty", "insane")).ephemeral()).isTrue();
        assertThat(quiz.store().runningNight(CHANNEL)).isEmpty();
    }

    @Test
    void aNarrowChoiceShortensTheNightSoNoQuestionRepeats() {
        Reply started = command(player(1), "start", Map.of("questions", "50", "seconds", "10", "category", "cast"));
        assertThat(PlainText.render(started)).contains("Only 3 questions match");
        assertThat(quiz.store().runningNight(CHANNEL).orElseThrow().questionCount()).isEqualTo(3);
    }

    @Test
    void aQuestionMutedInThisServerIsNotAskedInItsNights() {
        ButtonHandler mute = quiz.buttonHandlers().stream().filter(h -> h.prefix().equals("mute")).findFirst()
                .orElseThrow();
        assertThat(mute.onClick(new ButtonClick("mute:on:test.2", "m", ADMIN, clock.instant())).content())
                .startsWith("Muted: Test question 2?");
        // Cast is questions 2, 4 and 6 of the test bank: with 2 muted, a night of three has two.
        Reply started = command(player(1), "start", Map.of("questions", "3", "seconds", "10", "category", "cast"));
        assertThat(PlainText.render(started)).contains("Only 2 questions match");
        awaitReveal(outbox, 2, 2);
        assertThat(outbox.posts).extracting(m -> PlainText.render(m.reply()))
                .noneMatch(text -> text.contains("Test question 2?"))
                .anyMatch(text -> text.contains("Test question 4?"));
    }

    @Test
    void aChannelThatRefusesTheBotEndsTheNightAndIsFreedAtOnce() {
        outbox.refusePermanently = true;
        command(player(1), "start", Map.of("questions", "3", "seconds", "10"));
        await("the night to end").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> quiz.store().runningNight(CHANNEL).isEmpty());
        assertThat(quiz.store().runningNights()).isEmpty();
        assertThat(quiz.store().openRounds()).as("no question left open").isEmpty();
        outbox.refusePermanently = false;
        assertThat(command(player(1), "start", Map.of("questions", "1")).ephemeral()).isFalse();
    }

    @Test
    void aPracticeQuestionIsAnsweredOnceAndRevealedWithWhoGotItRight() {
        Reply question = command(player(1), "question", Map.of());
        assertThat(question.ephemeral()).isFalse();
        assertThat(question.buttons()).hasSize(4);
        String right = question.buttons().get(1).label();
        RecordingOutbox.Message asPosted = new RecordingOutbox.Message(CHANNEL, "555", question);
        assertThat(click(player(1), asPosted, 1).content()).startsWith("Locked in: **" + right);
        assertThat(click(player(1), asPosted, 2).content()).contains("already answered").contains(right);
        click(player(2), asPosted, 3);
        RecordingOutbox.Message reveal = awaitPost(outbox, "the practice reveal",
                m -> m.reply().embeds().get(0).title().equals("Answer: " + right));
        assertThat(reveal.text()).contains("Got it right: Player 1").contains("Because B");
        await("the question's buttons disabled").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> !outbox.edits.isEmpty());
        assertThat(outbox.edits.get(0).messageId()).isEqualTo("555");
        assertThat(click(player(3), asPosted, 1).content()).contains("has closed");
        assertThat(quiz.store().leaderboard(GUILD, 10)).as("practice is not scored").isEmpty();
    }

    @Test
    void aQuestionAskedAgainWithinTheSameSecondIsANewMessageAndEveryNonceFitsDiscord() {
        Question q = TestQuestions.question(1, "cast", Difficulty.EASY);
        java.time.Instant opened = java.time.Instant.parse("2026-11-28T20:00:00.100Z");
        Round asked = new Round(9_999_999_999L, 1L, 50, GUILD, CHANNEL, q, null, opened, opened.plusSeconds(20), true);
        Round askedAgain = new Round(asked.id(), 1L, 50, GUILD, CHANNEL, q, null, opened.plusMillis(800),
                opened.plusSeconds(21), true);
        assertThat(QuizNights.questionNonce(askedAgain)).as("Discord must not drop it as a repeat")
                .isNotEqualTo(QuizNights.questionNonce(asked));
        assertThat(List.of(QuizNights.questionNonce(asked), QuizNights.revealNonce(asked)))
                .allSatisfy(nonce -> assertThat(nonce).hasSizeLessThanOrEqualTo(25));
    }
}
