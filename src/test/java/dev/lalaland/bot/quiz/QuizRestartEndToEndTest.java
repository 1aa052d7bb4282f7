package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.QuizEndToEndTest.WAIT;
import static dev.lalaland.bot.quiz.QuizEndToEndTest.awaitQuestion;
import static dev.lalaland.bot.quiz.QuizEndToEndTest.awaitReveal;
import static dev.lalaland.bot.quiz.QuizEndToEndTest.click;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.RunningBot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real bot stopped (as by SIGTERM) in the middle of a night, and a new one started on the same file. */
class QuizRestartEndToEndTest {
    /**
     * Questions last their real seconds, so a restart (and the clicks after it) never races a
     * deadline; the host's skip or everyone's answers close them.
     */
    private static final QuizTimings TIMINGS = QuizEndToEndTest.E2E;
    private static final String QUIZ = FakeGuild.QUIZ_CHANNEL_ID;
    private static final String BOB = FakeGuild.BOB_USER_ID;
    private static final String CAROL = FakeGuild.CAROL_USER_ID;
    private static final List<String> FOUR = QuizEndToEndTest.FOUR;

    @TempDir
    Path dir;

    private static void everyoneAnswers(FakeDiscord discord, FakeMessage question) {
        for (int p = 0; p < 4; p++) {
            click(discord, FOUR.get(p), QUIZ, question, p);
        }
    }

    @Test
    void theNightContinuesAfterARestartWithNoScoreLostOrCountedTwice() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start(); RunningBot bot = RunningBot.start(discord, dir, Clock.systemUTC(), Map.of(),
                dev.lalaland.bot.Features.Tuning.defaults().withQuiz(TIMINGS))) {
            var start = discord.slash(BOB, QUIZ, "quiz", "start", Map.of("questions", 3, "seconds", 60));
            start.awaitResponse(WAIT);
            // Four players choose four different answers to every question, so exactly one scores each time.
            FakeMessage q1 = awaitQuestion(discord, QUIZ, 1, 3);
            everyoneAnswers(discord, q1);
            // The first question has no known players yet, so it would run its minute: the host skips it.
            QuizEndToEndTest.control(discord, BOB, QUIZ, start.originalMessage().orElseThrow(), "Skip question");
            awaitReveal(discord, QUIZ, 1, 3);

            FakeMessage q2 = awaitQuestion(discord, QUIZ, 2, 3);
            List<String> labels = QuizEndToEndTest.labels(q2);
            click(discord, FOUR.get(0), QUIZ, q2, 0);
            click(discord, FOUR.get(1), QUIZ, q2, 1);
            bot.restart();   // question 2 is open, with two answers stored

            FakeMessage reposted = discord.awaitChannelMessage(QUIZ, m -> m != q2 && m.customIds().size() == 4
                    && m.text().contains("Asked again after a restart"), WAIT);
            assertThat(QuizEndToEndTest.labels(reposted)).isEqualTo(labels);
            // A button on the message from before the restart still works, and remembers the first answer.
            InteractionCallback old = click(discord, FOUR.get(0), QUIZ, q2, 3);
            assertThat(old.content()).contains("already answered").contains(labels.get(0));
            click(discord, FOUR.get(2), QUIZ, q2, 2);
            click(discord, FOUR.get(3), QUIZ, reposted, 3);
            FakeMessage reveal2 = awaitReveal(discord, QUIZ, 2, 3);
            for (String label : labels) {
                assertThat(reveal2.text()).contains(label + ": 1");
            }

            FakeMessage q3 = awaitQuestion(discord, QUIZ, 3, 3);
            everyoneAnswers(discord, q3);
            awaitReveal(discord, QUIZ, 3, 3);
            discord.awaitChannelMessage(QUIZ, m -> m.text().contains("Quiz night over"), WAIT);

            Map<String, Integer> announced = QuizEndToEndTest.pointsAnnounced(discord, QUIZ);
            assertThat(discord.channelMessages(QUIZ)).filteredOn(m -> m.text().contains("· Answer: "))
                    .as("three reveals, one scorer each").hasSize(3)
                    .allSatisfy(m -> assertThat(m.text()).containsPattern("\\+\\d+ [a-z]+"));
            InteractionCallback board = discord.slash(CAROL, QUIZ, "quiz", "leaderboard", Map.of()).awaitResponse(WAIT);
            List<String[]> rows = QuizEndToEndTest.leaderboardRows(board);
            assertThat(rows).extracting(r -> r[0]).containsExactlyInAnyOrderElementsOf(announced.keySet());
            for (String[] row : rows) {
                assertThat(Integer.parseInt(row[1])).as(row[0]).isEqualTo(announced.get(row[0]));
            }
            assertThat(discord.channelMessages(QUIZ)).filteredOn(m -> m.text().contains("Quiz night over")).hasSize(1);
        }
    }

    @Test
    void aRevealWhoseAnswerNeverCameIsInTheChannelOnceAfterARestart() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start(); RunningBot bot = RunningBot.start(discord, dir, Clock.systemUTC(),
                Map.of(), dev.lalaland.bot.Features.Tuning.defaults().withQuiz(TIMINGS))) {
            String channelPosts = "/channels/" + QUIZ + "/messages";
            discord.slash(BOB, QUIZ, "quiz", "question", Map.of()).awaitResponse(WAIT);
            FakeMessage question = discord.awaitChannelMessage(QUIZ, m -> m.customIds().size() == 4, WAIT);
            click(discord, BOB, QUIZ, question, 0);
            // Discord posts the reveal, but its answer is lost: the bot cannot know it went out.
            discord.loseResponseOfNext(1, "POST", channelPosts);
            discord.awaitChannelMessage(QUIZ, QuizRestartEndToEndTest::isPracticeReveal, WAIT);

            bot.restart();
            discord.awaitRequest(r -> r.is("POST", channelPosts) && discord.requests("POST", channelPosts).size() == 2,
                    WAIT);
            List<String> nonces = discord.requests("POST", channelPosts).stream()
                    .map(r -> r.body().path("nonce").asText()).toList();
            assertThat(nonces).hasSize(2).doesNotContain("").allMatch(n -> n.equals(nonces.get(0)));
            assertThat(discord.channelMessages(QUIZ)).filteredOn(QuizRestartEndToEndTest::isPracticeReveal)
                    .as("posted again, and dropped by Discord as a repeat").hasSize(1);
        }
    }

    private static boolean isPracticeReveal(FakeMessage m) {
        return m.customIds().size() == 1 && m.customIds().get(0).startsWith("report:") && m.text().contains("\nAnswer: ");
    }
}
