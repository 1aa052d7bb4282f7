package dev.lalaland.bot.quiz;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.InteractionBurst;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.RunningBot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bot, through a real JDA client, against the fake Discord: what Discord adds to a quiz
 * (messages, buttons, ephemeral acknowledgements, the podium upload, refusals). The rules of a
 * night are {@link QuizNightTest}'s and {@link HostControlsTest}'s, on virtual time. Here the
 * round trips are real, so a question lasts its real seconds and the tests never race its
 * deadline: the host skips a question, or everyone answers it, to close it. Only the waits
 * nothing races are shortened (the first question's delay and the pause between questions).
 */
class QuizEndToEndTest {
    static final QuizTimings E2E = new QuizTimings(Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofSeconds(1), QuizTimings.standard().closeGrace(), 0);
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String QUIZ = FakeGuild.QUIZ_CHANNEL_ID;
    /** The burst runs in a server of its own, so its 200 players stay off the other test's leaderboard. */
    static final String GENERAL = FakeGuild.GENERAL_CHANNEL_ID;
    /** The control-panel test's night runs in a channel of its own. */
    static final String HOSTED = "300000000000000004";
    static final String BURST_GUILD = "200000000000000010";
    static final String BURST_CHANNEL = "300000000000000010";
    static final List<String> FOUR = List.of(FakeGuild.BOB_USER_ID, FakeGuild.CAROL_USER_ID, FakeGuild.DAVE_USER_ID,
            FakeGuild.ADMIN_USER_ID);

    @TempDir
    static Path dir;
    static FakeDiscord discord;
    static RunningBot bot;

    @BeforeAll
    static void start() throws Exception {
        discord = FakeDiscord.builder().guild(FakeGuild.standard().textChannel(HOSTED, "hosted").build())
                .guild(FakeGuild.builder(BURST_GUILD, "Burst").textChannel(BURST_CHANNEL, "quiz").players(200).build())
                .start();
        bot = RunningBot.start(discord, dir, Clock.systemUTC(), Map.of(),
                dev.lalaland.bot.Features.Tuning.defaults().withQuiz(E2E));
    }

    @AfterAll
    static void stop() {
        bot.close();
        discord.close();
    }

    static InteractionCallback quiz(String userId, String channel, String sub, Map<String, ?> options) {
        InteractionCallback reply = discord.slash(userId, channel, "quiz", sub, options).awaitResponse(WAIT);
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.latency()).isLessThan(Duration.ofSeconds(3));
        return reply;
    }

    static FakeMessage awaitQuestion(FakeDiscord discord, String channel, int number, int of) {
        return discord.awaitChannelMessage(channel, m -> m.customIds().size() == 4
                && m.embeds().path(0).path("title").asText().startsWith("Question " + number + " of " + of + " ·"), WAIT);
    }

    static FakeMessage awaitReveal(FakeDiscord discord, String channel, int number, int of) {
        return discord.awaitChannelMessage(channel, m -> m.embeds().path(0).path("title").asText()
                .startsWith("Question " + number + " of " + of + " · Answer: "), WAIT);
    }

    static List<String> labels(FakeMessage question) {
        List<String> labels = new ArrayList<>();
        for (JsonNode row : question.components()) {
            for (JsonNode button : row.path("components")) {
                labels.add(button.path("label").asText());
            }
        }
        return labels;
    }

    static InteractionCallback click(FakeDiscord discord, String userId, String channel, FakeMessage question, int choice) {
        InteractionCallback ack = discord.button(userId, channel, question.id(), question.customIds().get(choice))
                .awaitResponse(WAIT);
        assertThat(ack.accepted()).isTrue();
        assertThat(ack.latency()).isLessThan(Duration.ofSeconds(3));
        return ack;
    }

    /** What each player was told they gained, summed over every reveal in the channel. */
    static Map<String, Integer> pointsAnnounced(FakeDiscord discord, String channel) {
        Map<String, Integer> points = new HashMap<>();
        Pattern gained = Pattern.compile("\\+(\\d+) ([a-z0-9]+)");
        for (FakeMessage m : discord.channelMessages(channel)) {
            if (!m.embeds().path(0).path("title").asText().contains("· Answer: ")) {
                continue;
            }
            for (JsonNode field : m.embeds().path(0).path("fields")) {
                if (field.path("name").asText().equals("Points")) {
                    Matcher matcher = gained.matcher(field.path("value").asText());
                    while (matcher.find()) {
                        points.merge(matcher.group(2), Integer.parseInt(matcher.group(1)), Integer::sum);
                    }
                }
            }
        }
        return points;
    }

    static List<String[]> leaderboardRows(InteractionCallback leaderboard) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = Pattern.compile("(?:🥇|🥈|🥉|\\d+\\.) (\\S+): (\\d+) points")
                .matcher(leaderboard.data().at("/embeds/0/description").asText());
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2)});
        }
        return rows;
    }

    @Test
    void aNightIsPlayedThroughChannelMessagesButtonsAndEphemeralAcknowledgements() {
        var start = discord.slash(FakeGuild.BOB_USER_ID, QUIZ, "quiz", "start", Map.of("questions", 2, "seconds", 60));
        InteractionCallback started = start.awaitResponse(WAIT);
        assertThat(started.accepted()).isTrue();
        assertThat(started.ephemeral()).isFalse();
        assertThat(started.data().at("/embeds/0/title").asText()).contains("Quiz night");
        FakeMessage opening = start.originalMessage().orElseThrow();
        InteractionCallback second = quiz(FakeGuild.CAROL_USER_ID, QUIZ, "start", Map.of());
        assertThat(second.ephemeral()).as("a refusal only its asker sees").isTrue();
        assertThat(second.content()).contains("already running");

        for (int number = 1; number <= 2; number++) {
            FakeMessage question = awaitQuestion(discord, QUIZ, number, 2);
            assertThat(question.embeds().path(0).path("description").asText()).containsPattern("<t:\\d+:R>");
            List<String> labels = labels(question);
            for (int p = 0; p < 4; p++) {
                InteractionCallback ack = click(discord, FOUR.get(p), QUIZ, question, p);
                assertThat(ack.ephemeral()).isTrue();
                assertThat(ack.content()).startsWith("Locked in: **" + labels.get(p) + "**");
            }
            if (number == 1) {   // the first question has no known players, so it would run its minute
                assertThat(control(discord, FakeGuild.BOB_USER_ID, QUIZ, opening, "Skip question").content())
                        .contains("skipped question 1");
            }   // the second closes as soon as all four have answered

            FakeMessage reveal = awaitReveal(discord, QUIZ, number, 2);
            String title = reveal.embeds().path(0).path("title").asText();
            assertThat(labels).as("the reveal names a button label verbatim")
                    .contains(title.substring(title.indexOf("Answer: ") + "Answer: ".length()));
            assertThat(reveal.customIds()).singleElement().satisfies(id -> assertThat(id).startsWith("report:"));
            await("question " + number + "'s buttons disabled").atMost(WAIT)
                    .until(() -> question.components().path(0).path("components").path(0).path("disabled").asBoolean());
        }

        FakeMessage over = discord.awaitChannelMessage(QUIZ, m -> m.text().contains("Quiz night over"), WAIT);
        assertThat(over.files()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("podium.png");
            assertThat(f.bytes()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        });
        assertThat(over.embeds().path(0).path("image").path("url").asText()).isEqualTo("attachment://podium.png");

        // The leaderboard names players as Discord knows them, with at least what this night's reveals
        // announced (the server's other nights, in the other tests, may add to it).
        Map<String, Integer> announced = pointsAnnounced(discord, QUIZ);
        List<String[]> board = leaderboardRows(quiz(FakeGuild.DAVE_USER_ID, QUIZ, "leaderboard", Map.of()));
        assertThat(announced).isNotEmpty();
        assertThat(board).extracting(r -> r[0]).containsAll(announced.keySet())
                .isSubsetOf("bob", "carol", "dave", "alice");
        for (String[] row : board) {
            assertThat(Integer.parseInt(row[1])).as(row[0]).isGreaterThanOrEqualTo(announced.getOrDefault(row[0], 0));
        }
    }

    static InteractionCallback control(FakeDiscord discord, String userId, String channel, FakeMessage opening, String label) {
        int index = labels(opening).indexOf(label);
        assertThat(index).as(label + " on the opening message").isNotNegative();
        InteractionCallback reply = discord.button(userId, channel, opening.id(), opening.customIds().get(index))
                .awaitResponse(WAIT);
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.latency()).isLessThan(Duration.ofSeconds(3));
        return reply;
    }

    @Test
    void theHostPausesResumesSkipsAndEndsTheNightAndOthersAreRefused() {
        var start = discord.slash(FakeGuild.BOB_USER_ID, HOSTED, "quiz", "start", Map.of("questions", 3, "seconds", 60));
        assertThat(start.awaitResponse(WAIT).ephemeral()).isFalse();
        FakeMessage opening = start.originalMessage().orElseThrow();
        assertThat(labels(opening)).containsExactly("Pause", "Resume", "Skip question", "End night");

        InteractionCallback refused = control(discord, FakeGuild.CAROL_USER_ID, HOSTED, opening, "Pause");
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Only the host, bob, or someone with Manage Server");

        FakeMessage question = awaitQuestion(discord, HOSTED, 1, 3);
        InteractionCallback paused = control(discord, FakeGuild.ADMIN_USER_ID, HOSTED, opening, "Pause");   // Manage Server
        assertThat(paused.ephemeral()).isFalse();
        assertThat(paused.content()).contains("paused by alice").contains("question 1 has");
        InteractionCallback waiting = click(discord, FakeGuild.CAROL_USER_ID, HOSTED, question, 0);
        assertThat(waiting.ephemeral()).isTrue();
        assertThat(waiting.content()).contains("paused");

        assertThat(control(discord, FakeGuild.BOB_USER_ID, HOSTED, opening, "Resume").content()).contains("question 1 is open again");
        assertThat(click(discord, FakeGuild.CAROL_USER_ID, HOSTED, question, 0).content()).startsWith("Locked in");
        assertThat(control(discord, FakeGuild.BOB_USER_ID, HOSTED, opening, "Skip question").content()).contains("skipped question 1");
        assertThat(awaitReveal(discord, HOSTED, 1, 3).text()).contains("Skipped by bob");

        awaitQuestion(discord, HOSTED, 2, 3);
        assertThat(control(discord, FakeGuild.BOB_USER_ID, HOSTED, opening, "End night").content()).contains("stopped by bob");
        discord.awaitChannelMessage(HOSTED, m -> m.text().contains("Quiz night stopped")
                && m.text().contains("After 2 of 3 questions"), WAIT);
        assertThat(control(discord, FakeGuild.BOB_USER_ID, HOSTED, opening, "Pause").content()).contains("has ended");
    }

    @Test
    void aPracticeQuestionIsTheCommandsReplyAndItsAnswerFollowsInTheChannel() {
        var handle = discord.slash(FakeGuild.CAROL_USER_ID, GENERAL, "quiz", "question", Map.of("category", "songs"));
        InteractionCallback reply = handle.awaitResponse(WAIT);
        assertThat(reply.ephemeral()).isFalse();
        FakeMessage question = handle.originalMessage().orElseThrow();
        List<String> labels = labels(question);
        assertThat(labels).hasSize(4);
        InteractionCallback ack = click(discord, FakeGuild.CAROL_USER_ID, GENERAL, question, 0);
        assertThat(ack.ephemeral()).isTrue();
        assertThat(ack.content()).startsWith("Locked in: **" + labels.get(0) + "**");

        FakeMessage reveal = discord.awaitChannelMessage(GENERAL,
                m -> m.embeds().path(0).path("title").asText().startsWith("Answer: "), WAIT);
        String right = reveal.embeds().path(0).path("title").asText().substring("Answer: ".length());
        assertThat(labels).contains(right);
        assertThat(reveal.text()).contains(right.equals(labels.get(0)) ? "carol" : "Nobody this time.");
        await("the question's buttons disabled").atMost(WAIT)
                .until(() -> question.components().path(0).path("components")
                .path(0).path("disabled").asBoolean());
    }

    @Test
    void discordsMissingPermissionsInAChannelEndsItsNightAsFailedAndFreesIt() {
        String channel = FakeGuild.ANNOUNCEMENTS_CHANNEL_ID;
        discord.failChannel(channel, 403, 50013, "Missing Permissions");
        try {
            assertThat(quiz(FakeGuild.ADMIN_USER_ID, channel, "start", Map.of("questions", 3)).ephemeral()).isFalse();
            await("the night to be ended as failed").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                    .until(() -> nightStatuses(channel).equals(List.of("failed")));
        } finally {
            discord.healChannel(channel);
        }
        assertThat(quiz(FakeGuild.ADMIN_USER_ID, channel, "start", Map.of("questions", 1)).ephemeral())
                .as("the channel is free for a new night").isFalse();
        discord.awaitChannelMessage(channel, m -> m.text().contains("Question 1 of 1"), WAIT);
    }

    /** Read straight from the bot's SQLite file (WAL lets a second reader in). */
    private static List<String> nightStatuses(String channel) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + bot.databaseFile());
             var ps = c.prepareStatement("SELECT status FROM quiz_night WHERE channel_id = ? ORDER BY id")) {
            ps.setString(1, channel);
            List<String> statuses = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
            return statuses;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoHundredPlayersClickWithinOneSecondAndEachIsCountedOnce() throws Exception {
        var start = discord.slash(FakeGuild.playerId(1), BURST_CHANNEL, "quiz", "start", Map.of("questions", 1,
                "seconds", 120));
        assertThat(start.awaitResponse(WAIT).ephemeral()).isFalse();
        FakeMessage opening = start.originalMessage().orElseThrow();
        FakeMessage question = awaitQuestion(discord, BURST_CHANNEL, 1, 1);
        List<String> ids = question.customIds();

        InteractionBurst.Result burst = InteractionBurst.run(200, Duration.ofSeconds(1), 8,
                i -> discord.button(FakeGuild.playerId(i + 1), BURST_CHANNEL, question.id(), ids.get(i % 4)), WAIT);
        System.out.println("quiz burst through JDA: " + burst);
        assertThat(burst.unanswered()).isZero();
        assertThat(burst.refused()).isZero();
        assertThat(burst.answered()).isEqualTo(200);
        assertThat(burst.max()).isLessThan(Duration.ofSeconds(3));
        assertThat(burst.handles()).allSatisfy(h -> assertThat(h.response().orElseThrow().content()).startsWith("Locked in"));

        InteractionBurst.Result again = InteractionBurst.run(20, Duration.ofMillis(200), 4,
                i -> discord.button(FakeGuild.playerId(i + 1), BURST_CHANNEL, question.id(), ids.get((i + 1) % 4)), WAIT);
        assertThat(again.handles()).allSatisfy(h -> assertThat(h.response().orElseThrow().content())
                .contains("already answered"));

        // The question is open for two minutes, however long the burst took; its host closes it now.
        control(discord, FakeGuild.playerId(1), BURST_CHANNEL, opening, "Skip question");
        FakeMessage reveal = awaitReveal(discord, BURST_CHANNEL, 1, 1);
        for (String label : labels(question)) {
            assertThat(reveal.text()).contains(label + ": 50");
        }
        discord.awaitChannelMessage(BURST_CHANNEL, m -> m.text().contains("Quiz night over"), WAIT);
    }
}
