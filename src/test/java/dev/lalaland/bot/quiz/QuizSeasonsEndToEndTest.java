package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.QuizEndToEndTest.WAIT;
import static dev.lalaland.bot.quiz.QuizEndToEndTest.awaitQuestion;
import static dev.lalaland.bot.quiz.QuizEndToEndTest.click;
import static dev.lalaland.bot.quiz.QuizEndToEndTest.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lalaland.bot.Features;
import dev.lalaland.bot.onthisday.ShiftedClock;
import dev.lalaland.bot.routine.RoutineRunner;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.OptionValue;
import dev.lalaland.bot.testing.RunningBot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Week boards, profiles and the week's podium end to end: the real bot through JDA against the
 * fake Discord, on a clock that can jump (real time shifted), with the podium routine looking
 * every 100 ms instead of every minute.
 */
class QuizSeasonsEndToEndTest {
    private static final String QUIZ = FakeGuild.QUIZ_CHANNEL_ID;
    private static final List<String> FOUR = QuizEndToEndTest.FOUR;
    private static final Features.Tuning FAST = Features.Tuning.defaults().withQuiz(QuizEndToEndTest.E2E)
            .withPodiumPoll(Duration.ofMillis(100));

    @TempDir
    Path dir;

    private static boolean isPodium(FakeMessage m) {
        return m.embeds().path(0).path("title").asText().startsWith("🏆 Final podium");
    }

    @Test
    void aWeeksPodiumIsPostedOnceAtTheRolloverAndNotAgainAfterARestartAndTheProfileMatchesTheDatabase()
            throws Exception {
        ShiftedClock clock = new ShiftedClock();
        clock.jumpTo(Instant.parse("2026-12-06T23:40:00Z"));   // Sunday evening, UTC
        try (FakeDiscord discord = FakeDiscord.start(); RunningBot bot = RunningBot.start(discord, dir, clock, Map.of(),
                FAST)) {
            var start = discord.slash(FakeGuild.BOB_USER_ID, QUIZ, "quiz", "start",
                    Map.of("questions", 2, "seconds", 60));
            start.awaitResponse(WAIT);
            FakeMessage opening = start.originalMessage().orElseThrow();
            // Four players choose four different answers each time: exactly one scores per question.
            for (int n = 1; n <= 2; n++) {
                FakeMessage question = awaitQuestion(discord, QUIZ, n, 2);
                for (int p = 0; p < 4; p++) {
                    click(discord, FOUR.get(p), QUIZ, question, (p + n) % 4);
                }
                if (n == 1) {   // the first question has no known players, so it would run its real minute
                    assertThat(control(discord, FakeGuild.BOB_USER_ID, QUIZ, opening, "Skip question").content())
                            .contains("skipped question 1");
                }   // the second closes as soon as all four have answered
            }
            discord.awaitChannelMessage(QUIZ, m -> m.text().contains("Quiz night over"), WAIT);
            Map<String, Integer> announced = QuizEndToEndTest.pointsAnnounced(discord, QUIZ);

            InteractionCallback week = discord.slash(FakeGuild.CAROL_USER_ID, QUIZ, "quiz", "leaderboard",
                    Map.of("period", "week")).awaitResponse(WAIT);
            assertThat(week.data().at("/embeds/0/title").asText())
                    .isEqualTo("🏆 Quiz standings: the week of Monday 30 November 2026");
            List<String[]> rows = QuizEndToEndTest.leaderboardRows(week);
            assertThat(rows).extracting(r -> r[0]).containsExactlyInAnyOrderElementsOf(announced.keySet());
            for (String[] row : rows) {
                assertThat(Integer.parseInt(row[1])).as(row[0]).isEqualTo(announced.get(row[0]));
            }

            // Dave's profile, asked by Carol, against what the database holds.
            InteractionCallback profile = discord.slash(FakeGuild.CAROL_USER_ID, QUIZ, "quiz", "profile",
                    Map.of("member", OptionValue.user(FakeGuild.DAVE_USER_ID))).awaitResponse(WAIT);
            assertThat(profile.ephemeral()).as(profile.content()).isFalse();
            String card = profile.data().at("/embeds/0/description").asText();
            String places = profile.data().at("/embeds/0/fields/0/value").asText();
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bot.databaseFile());
                 Statement sql = db.createStatement()) {
                long answers = one(sql, "SELECT COUNT(*) FROM quiz_answer WHERE user_id = '" + FakeGuild.DAVE_USER_ID + "'");
                long right = one(sql, "SELECT COUNT(*) FROM quiz_answer a JOIN quiz_round r ON r.id = a.round_id "
                        + "WHERE a.choice = r.answer AND a.user_id = '" + FakeGuild.DAVE_USER_ID + "'");
                long points = one(sql, "SELECT COALESCE(SUM(points), 0) FROM quiz_answer WHERE user_id = '"
                        + FakeGuild.DAVE_USER_ID + "'");
                assertThat(answers).isEqualTo(2);
                assertThat(card).contains("Nights played: 1").contains("Answers: 2, " + right + " right (" + right * 50 + "%)")
                        .contains("Points: " + points);
                assertThat(points).isEqualTo(announced.getOrDefault("dave", 0).longValue());
                if (points > 0) {
                    long ahead = one(sql, "SELECT COUNT(*) FROM (SELECT user_id FROM quiz_answer "
                            + "GROUP BY user_id HAVING SUM(points) > " + points + ") t");
                    long level = one(sql, "SELECT COUNT(*) FROM (SELECT user_id FROM quiz_answer WHERE user_id <> '"
                            + FakeGuild.DAVE_USER_ID + "' GROUP BY user_id HAVING SUM(points) = " + points + ") t");
                    java.util.regex.Matcher place = java.util.regex.Pattern.compile("All-time: #(\\d+) of (\\d+), "
                            + points + " points").matcher(places);
                    assertThat(place.find()).as(places).isTrue();
                    assertThat(Long.parseLong(place.group(1))).isBetween(ahead + 1, ahead + 1 + level);
                    assertThat(Integer.parseInt(place.group(2))).isEqualTo(announced.size());
                } else {
                    assertThat(places).contains("All-time: no points yet");
                }
            }

            assertThat(discord.channelMessages(QUIZ)).noneMatch(QuizSeasonsEndToEndTest::isPodium);
            clock.jumpTo(Instant.parse("2026-12-07T00:00:01Z"));   // Monday: the week is over
            FakeMessage podium = discord.awaitChannelMessage(QUIZ, QuizSeasonsEndToEndTest::isPodium, WAIT);
            assertThat(podium.embeds().path(0).path("title").asText())
                    .isEqualTo("🏆 Final podium: the week of Monday 30 November 2026");
            String nonce = SeasonPodiums.nonce(FakeGuild.DEFAULT_GUILD_ID, Period.WEEK, LocalDate.parse("2026-11-30"));
            for (String player : announced.keySet()) {
                assertThat(podium.text()).contains(player + ": " + announced.get(player) + " points");
            }

            bot.restart();
            // The restarted bot's podium routine has looked at least twice since: it would have posted by now.
            await("two runs of the restarted podium routine").atMost(WAIT).until(() -> bot.app().routineReport()
                    .stream().filter(s -> s.name().equals("quiz podiums")).mapToLong(RoutineRunner.Status::runs)
                    .sum() >= 2);
            assertThat(discord.channelMessages(QUIZ)).filteredOn(QuizSeasonsEndToEndTest::isPodium).hasSize(1);
            assertThat(discord.requests("POST", "/channels/" + QUIZ + "/messages"))
                    .filteredOn(r -> r.body().path("nonce").asText().equals(nonce)).hasSize(1);
        }
    }

    private static long one(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
