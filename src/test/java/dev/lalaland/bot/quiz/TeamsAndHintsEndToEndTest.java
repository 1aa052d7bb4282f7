package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.QuizEndToEndTest.WAIT;
import static dev.lalaland.bot.quiz.QuizEndToEndTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lalaland.bot.Features;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.InteractionHandle;
import dev.lalaland.bot.testing.RunningBot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team nights and hints with the real bot, through a real JDA client, against the fake Discord.
 * One "second" of a night lasts 100 ms here, so the Join buttons are open for 6 s.
 */
class TeamsAndHintsEndToEndTest {
    private static final QuizTimings TIMINGS = new QuizTimings(Duration.ofSeconds(2), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100), 0);
    private static final String QUIZ = FakeGuild.QUIZ_CHANNEL_ID;
    private static final String BOB = FakeGuild.BOB_USER_ID;
    private static final String CAROL = FakeGuild.CAROL_USER_ID;
    private static final String DAVE = FakeGuild.DAVE_USER_ID;
    private static final String ALICE = FakeGuild.ADMIN_USER_ID;
    private static final Pattern TEAM_LINE = Pattern.compile(
            "(The Messengers|Seb's|Lipton's|The Lighthouse): (\\d+) points \\((\\d+) members?, best: (\\S+) (\\d+)\\)");

    @TempDir
    Path dir;

    private static FakeDiscord discord(int players) throws Exception {
        return FakeDiscord.builder().guild(FakeGuild.standard().players(players).build()).start();
    }

    private static RunningBot bot(FakeDiscord discord, Path dir) throws InterruptedException {
        return RunningBot.start(discord, dir, Clock.systemUTC(), Map.of(), Features.Tuning.defaults().withQuiz(TIMINGS));
    }

    private static InteractionCallback click(FakeDiscord discord, String user, String messageId, String customId) {
        InteractionCallback reply = discord.button(user, QUIZ, messageId, customId).awaitResponse(WAIT);
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.latency()).isLessThan(Duration.ofSeconds(3));
        return reply;
    }

    /** Clicks the button labelled {@code label} on {@code message}. */
    private static InteractionCallback click(FakeDiscord discord, String user, FakeMessage message, String label) {
        int index = labels(message).indexOf(label);
        assertThat(index).as(label + " on " + message.text()).isNotNegative();
        return click(discord, user, message.id(), message.customIds().get(index));
    }

    private static FakeMessage awaitQuestion(FakeDiscord discord, int number, int of, int buttons) {
        return discord.awaitChannelMessage(QUIZ, m -> m.customIds().size() == buttons
                && m.embeds().path(0).path("title").asText().startsWith("Question " + number + " of " + of + " ·"), WAIT);
    }

    private static FakeMessage awaitReveal(FakeDiscord discord, int number, int of) {
        return QuizEndToEndTest.awaitReveal(discord, QUIZ, number, of);
    }

    /** The open question's right answer, read from the bot's own SQLite file (the test plays a player who knows). */
    private static int rightAnswer(RunningBot bot) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bot.databaseFile());
             ResultSet r = c.createStatement().executeQuery("SELECT answer FROM quiz_round WHERE status = 'open'")) {
            assertThat(r.next()).as("an open question").isTrue();
            return r.getInt(1);
        }
    }

    /** Team name to its points, member count, best player and their points, from a message's team lines. */
    private static Map<String, String[]> teamLines(String text) {
        Map<String, String[]> teams = new HashMap<>();
        Matcher m = TEAM_LINE.matcher(text);
        while (m.find()) {
            teams.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4), m.group(5)});
        }
        return teams;
    }

    @Test
    void eightPlayersInTwoTeamsWithARestartInTheMiddle() throws Exception {
        List<String> players = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            players.add(FakeGuild.playerId(n));
        }
        try (FakeDiscord discord = discord(8); RunningBot bot = bot(discord, dir)) {
            InteractionHandle start = discord.slash(BOB, QUIZ, "quiz", "start",
                    Map.of("questions", 3, "seconds", 30, "mode", "teams"));
            assertThat(start.awaitResponse(WAIT).ephemeral()).isFalse();
            FakeMessage opening = start.originalMessage().orElseThrow();
            assertThat(labels(opening)).containsExactly("Pause", "Resume", "Skip question", "End night",
                    "Join The Messengers", "Join Seb's");
            assertThat(opening.text()).contains("Quiz night in teams").contains("within the first 60 s");

            // Players 1-3 join The Messengers, 4-6 Seb's; 7 and 8 just answer.
            for (int p = 0; p < 6; p++) {
                String team = p < 3 ? "Join The Messengers" : "Join Seb's";
                InteractionCallback joined = click(discord, players.get(p), opening, team);
                assertThat(joined.ephemeral()).isTrue();
                assertThat(joined.content()).startsWith("You joined **" + team.substring(5) + "** (" + (p % 3 + 1)
                        + " member");
            }
            InteractionCallback refused = click(discord, players.get(0), opening, "Join Seb's");
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.content()).contains("You are in **The Messengers** tonight").contains("no switching");
            assertThat(click(discord, players.get(0), opening, "Join The Messengers").content())
                    .contains("already in **The Messengers**");

            FakeMessage q1 = awaitQuestion(discord, 1, 3, 4);
            for (int p = 0; p < 8; p++) {
                assertThat(click(discord, players.get(p), q1, labels(q1).get(p % 4)).content()).startsWith("Locked in");
            }
            FakeMessage reveal1 = awaitReveal(discord, 1, 3);
            Map<String, String[]> afterFirst = teamLines(reveal1.text());
            assertThat(afterFirst).as("both teams in the standings: " + reveal1.text())
                    .containsOnlyKeys("The Messengers", "Seb's");
            // Player 7 went to the smaller team (a tie: the first), then player 8 to the other.
            assertThat(afterFirst.get("The Messengers")[1]).isEqualTo("4");
            assertThat(afterFirst.get("Seb's")[1]).isEqualTo("4");

            FakeMessage q2 = awaitQuestion(discord, 2, 3, 4);
            for (int p = 0; p < 4; p++) {
                click(discord, players.get(p), q2, labels(q2).get(p % 4));
            }
            bot.restart();   // question 2 open, half the players have answered

            FakeMessage reposted = discord.awaitChannelMessage(QUIZ, m -> m != q2 && m.customIds().size() == 4
                    && m.text().contains("Asked again after a restart"), WAIT);
            assertThat(click(discord, players.get(0), opening, "Join Seb's").content())
                    .as("the team survives the restart").contains("You are in **The Messengers** tonight");
            for (int p = 4; p < 8; p++) {
                click(discord, players.get(p), reposted, labels(reposted).get(p % 4));
            }
            awaitReveal(discord, 2, 3);

            FakeMessage q3 = awaitQuestion(discord, 3, 3, 4);
            for (int p = 0; p < 8; p++) {
                click(discord, players.get(p), q3, labels(q3).get((p + 1) % 4));
            }
            awaitReveal(discord, 3, 3);
            FakeMessage over = discord.awaitChannelMessage(QUIZ, m -> m.text().contains("Quiz night over"), WAIT);

            Map<String, Integer> announced = QuizEndToEndTest.pointsAnnounced(discord, QUIZ);
            Map<String, String[]> teams = teamLines(over.text());
            assertThat(teams).as(over.text()).containsOnlyKeys("The Messengers", "Seb's");
            Map<String, List<Integer>> members = Map.of("The Messengers", List.of(1, 2, 3, 7), "Seb's",
                    List.of(4, 5, 6, 8));
            members.forEach((team, in) -> {
                int sum = in.stream().mapToInt(n -> announced.getOrDefault(String.format("player%03d", n), 0)).sum();
                assertThat(Integer.parseInt(teams.get(team)[0])).as(team + " is the sum of its members").isEqualTo(sum);
                assertThat(teams.get(team)[1]).isEqualTo("4");
                String best = teams.get(team)[2];
                assertThat(in.stream().map(n -> String.format("player%03d", n))).as("best player of " + team)
                        .contains(best);
                assertThat(Integer.parseInt(teams.get(team)[3])).isEqualTo(in.stream()
                        .mapToInt(n -> announced.getOrDefault(String.format("player%03d", n), 0)).max().orElseThrow());
            });
            assertThat(over.files()).singleElement().satisfies(f -> assertThat(f.filename()).isEqualTo("podium.png"));
            assertThat(discord.channelMessages(QUIZ)).filteredOn(m -> m.text().contains("Quiz night over")).hasSize(1);
        }
    }

    @Test
    void joinsCloseAfterTheWindowAndAHintRemovesAWrongChoiceAndScoresHalf() throws Exception {
        try (FakeDiscord discord = discord(0); RunningBot bot = bot(discord, dir)) {
            InteractionHandle start = discord.slash(BOB, QUIZ, "quiz", "start", Map.of("questions", 2, "seconds", 120,
                    "mode", "teams", "teams", 3, "hints", true));
            assertThat(start.awaitResponse(WAIT).ephemeral()).isFalse();
            FakeMessage opening = start.originalMessage().orElseThrow();
            assertThat(labels(opening)).contains("Join The Messengers", "Join Seb's", "Join Lipton's")
                    .doesNotContain("Join The Lighthouse");
            assertThat(click(discord, CAROL, opening, "Join Lipton's").content()).contains("You joined **Lipton's**");

            FakeMessage q1 = awaitQuestion(discord, 1, 2, 5);
            assertThat(labels(q1)).last().isEqualTo("💡 Hint");
            List<String> choices = labels(q1).subList(0, 4);
            String right = choices.get(rightAnswer(bot));

            InteractionHandle hinted = discord.button(CAROL, QUIZ, q1.id(), q1.customIds().get(4));
            InteractionCallback hint = hinted.awaitResponse(WAIT);
            assertThat(hint.ephemeral()).isTrue();
            Matcher removed = Pattern.compile("\\*\\*(.+)\\*\\* is not the answer").matcher(hint.content());
            assertThat(removed.find()).as(hint.content()).isTrue();
            assertThat(removed.group(1)).isNotEqualTo(right).isIn(choices);
            List<String> left = new ArrayList<>();
            List<String> leftIds = new ArrayList<>();
            for (JsonNode row : hint.data().path("components")) {
                for (JsonNode button : row.path("components")) {
                    left.add(button.path("label").asText());
                    leftIds.add(button.path("custom_id").asText());
                }
            }
            assertThat(left).hasSize(3).doesNotContain(removed.group(1)).contains(right);
            assertThat(click(discord, CAROL, q1, "💡 Hint").content()).as("one hint a question: the same again")
                    .contains("already have your hint").contains("**" + removed.group(1) + "** is not the answer");

            assertThat(click(discord, DAVE, q1, right).content()).startsWith("Locked in");
            InteractionCallback late = click(discord, DAVE, q1, "💡 Hint");
            assertThat(late.ephemeral()).isTrue();
            assertThat(late.content()).contains("already answered");

            // Carol answers on her hint's private message.
            String hintMessage = hinted.originalMessage().map(FakeMessage::id).orElse("500000000000000099");
            InteractionHandle answer = discord.button(CAROL, QUIZ, hintMessage, leftIds.get(left.indexOf(right)));
            assertThat(answer.awaitResponse(WAIT).content()).startsWith("Locked in: **" + right + "**");
            assertThat(click(discord, BOB, opening, "Skip question").content()).contains("skipped question 1");

            FakeMessage reveal = awaitReveal(discord, 1, 2);
            assertThat(reveal.text()).contains("💡 Used a hint: carol.");
            Matcher carol = Pattern.compile("\\+(\\d+) carol \\(hint: half\\)").matcher(reveal.text());
            Matcher dave = Pattern.compile("\\+(\\d+) dave\\b").matcher(reveal.text());
            assertThat(carol.find()).as(reveal.text()).isTrue();
            assertThat(dave.find()).as(reveal.text()).isTrue();
            int base = Difficulty.of(q1.embeds().path(0).path("title").asText().replaceAll(".* · ", "")).basePoints();
            assertThat(Integer.parseInt(carol.group(1))).as("half of base and speed, rounded up")
                    .isBetween(base / 2, Scoring.half(base + base / 2));
            assertThat(Integer.parseInt(dave.group(1))).isGreaterThanOrEqualTo(base);
            assertThat(reveal.embeds().path(0).path("description").asText()).doesNotContain("dave.");

            // After the window (60 s of the night's clock: 6 s here) the Join buttons are disabled.
            await("the Join buttons disabled").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> opening.components().path(1).path("components").path(0).path("disabled").asBoolean());
            assertThat(opening.components().path(0).path("components").path(0).path("disabled").asBoolean())
                    .as("the host's controls stay").isFalse();
            InteractionCallback tooLate = click(discord, ALICE, opening.id(), opening.customIds().get(5));
            assertThat(tooLate.ephemeral()).isTrue();
            assertThat(tooLate.content()).contains("Joining closed 60 s into the night")
                    .contains("your first answer puts you on the smallest team");

            FakeMessage q2 = awaitQuestion(discord, 2, 2, 5);
            click(discord, ALICE, q2, labels(q2).get(0));
            assertThat(click(discord, BOB, opening, "End night").content()).contains("stopped by bob");
            FakeMessage over = discord.awaitChannelMessage(QUIZ, m -> m.text().contains("Quiz night stopped")
                    && m.text().contains("After 2 of 2 questions"), WAIT);
            // Dave went to the smallest team at his first answer (The Messengers, first of the empty two), Alice to Seb's.
            assertThat(over.text()).contains("Lipton's: ").contains("best: carol").contains("best: dave")
                    .containsPattern("Seb's: \\d+ points \\(1 member, best: alice \\d+\\)");
        }
    }
}
