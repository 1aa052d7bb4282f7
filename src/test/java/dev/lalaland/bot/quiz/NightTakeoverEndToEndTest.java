package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.PostgresUrl;
import dev.lalaland.bot.db.TestPostgres;
import dev.lalaland.bot.testing.ChildBot;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.GatewaySession;
import dev.lalaland.bot.testing.RunningBot;
import dev.lalaland.bot.testing.ShardedServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes over one PostgreSQL database, each running one of two shards: process A (a
 * JVM of its own) runs a server's quiz night and is killed outright (SIGKILL, as {@code kill -9})
 * with a question open; process B, which has no connection for that server, takes the night over
 * once A's lease has run out and finishes it through Discord's REST API by channel id. Every
 * question closes once, each reveal and the final standings are posted once, and the points
 * scored before the kill are in the leaderboard.
 */
class NightTakeoverEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> PLAYERS = List.of(FakeGuild.BOB_USER_ID, FakeGuild.CAROL_USER_ID,
            FakeGuild.DAVE_USER_ID, FakeGuild.ADMIN_USER_ID);

    @TempDir
    Path dir;

    @Test
    void aNightWhoseProcessIsKilledIsFinishedByAnotherProcessWithEveryPostOnce() throws Exception {
        String server = ShardedServers.idOnShard(0, 0, 2);
        String channel = ShardedServers.channel(server);
        PostgresUrl url = TestPostgres.freshSchema();
        Map<String, String> shardZero = Map.of("BOT_DATABASE_URL", withLogin(url), "BOT_SHARD_TOTAL", "2",
                "BOT_SHARDS", "0");
        Map<String, String> shardOne = Map.of("BOT_DATABASE_URL", withLogin(url), "BOT_SHARD_TOTAL", "2",
                "BOT_SHARDS", "1");
        Path dirA = Files.createDirectories(dir.resolve("a"));
        Path dirB = Files.createDirectories(dir.resolve("b"));
        try (FakeDiscord discord = FakeDiscord.builder().shards(2).guild(ShardedServers.server(server)).start();
             ChildBot a = ChildBot.start(discord, dirA, shardZero)) {
            await("process A ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> a.log().contains("ready:") || !a.alive());
            assertThat(a.alive()).as("process A started; its log:%n%s", a.log()).isTrue();
            try (RunningBot b = RunningBot.start(discord, dirB, Clock.systemUTC(), shardOne, ChildBot.TUNING);
                 Database database = Database.open(url)) {
                assertThat(b.app().serverCount()).as("B has no connection for the server").isZero();

                // A hosts a three-question night of 6 s questions; four players answer question 1.
                discord.slash(FakeGuild.BOB_USER_ID, channel, "quiz", "start", Map.of("questions", 3, "seconds", 60))
                        .awaitResponse(WAIT);
                FakeMessage q1 = awaitOne(discord, channel, question(1), "question 1");
                for (int p = 0; p < PLAYERS.size(); p++) {
                    QuizEndToEndTest.click(discord, PLAYERS.get(p), channel, q1, p);
                }
                awaitOne(discord, channel, reveal(1), "the answer to question 1");
                // Three of the four answer question 2 (so it does not close early), then A is killed.
                FakeMessage q2 = awaitOne(discord, channel, question(2), "question 2");
                for (int p = 0; p < 3; p++) {
                    QuizEndToEndTest.click(discord, PLAYERS.get(p), channel, q2, p);
                }
                long nightId = count(database, "SELECT id FROM quiz_night");
                String ownerBefore = owner(database, nightId);
                a.kill();
                assertThat(messages(discord, channel, reveal(2))).as("question 2 was still open when A died")
                        .isEmpty();
                assertThat(count(database, "SELECT count(*) FROM quiz_answer a JOIN quiz_round r ON r.id = a.round_id "
                        + "WHERE r.number = 2")).isEqualTo(3);
                await("A's connection gone").atMost(WAIT).until(() -> discord.sessions().stream()
                        .noneMatch(session -> session.connected() && session.shardId() == 0));

                // B takes it over: question 2 closes with its three answers, question 3 is asked and
                // closes unanswered (nobody's clicks reach a shard no process runs), the night ends.
                FakeMessage over = awaitOne(discord, channel, m -> m.text().contains("Quiz night over"),
                        "the final standings");
                assertThat(owner(database, nightId)).as("the night's owner").isNotNull().isNotEqualTo(ownerBefore);
                for (int n = 1; n <= 3; n++) {
                    assertThat(messages(discord, channel, reveal(n))).as("the answer to question %d", n).hasSize(1);
                    assertThat(messages(discord, channel, question(n))).as("question %d", n).hasSize(1);
                }
                assertThat(messages(discord, channel, m -> m.text().contains("Quiz night over"))).hasSize(1);
                assertThat(count(database, "SELECT count(*) FROM quiz_round WHERE night_id = " + nightId
                        + " AND status = 'closed'")).isEqualTo(3);
                await("B settles its posts").atMost(WAIT).until(() -> count(database, "SELECT count(*) FROM quiz_round "
                        + "WHERE reveal_pending = 1") == 0 && count(database, "SELECT count(*) FROM quiz_night "
                        + "WHERE end_post_pending = 1") == 0);

                // Every point announced, before the kill and after, is in the server's leaderboard.
                Map<String, Integer> announced = QuizEndToEndTest.pointsAnnounced(discord, channel);
                assertThat(announced).as("question 1 had a right answer among four different ones").isNotEmpty();
                Map<String, Integer> board = new HashMap<>();
                database.read(h -> h.select("SELECT display_name, points FROM quiz_leaderboard WHERE guild_id = ?",
                        server).map((r, ctx) -> Map.entry(r.getString("display_name"), r.getInt("points"))).list())
                        .forEach(e -> board.put(e.getKey(), e.getValue()));
                assertThat(board).isEqualTo(announced);
                announced.forEach((name, points) -> assertThat(over.text()).contains(name));
                assertThat(discord.sessions()).filteredOn(GatewaySession::connected)
                        .extracting(GatewaySession::shardId).containsExactly(1);
            }
        }
    }

    private static Predicate<FakeMessage> question(int number) {
        return m -> m.customIds().size() == 4
                && m.embeds().path(0).path("title").asText().startsWith("Question " + number + " of 3 ·");
    }

    private static Predicate<FakeMessage> reveal(int number) {
        return m -> m.embeds().path(0).path("title").asText().startsWith("Question " + number + " of 3 · Answer: ");
    }

    private static List<FakeMessage> messages(FakeDiscord discord, String channel, Predicate<FakeMessage> which) {
        return discord.channelMessages(channel).stream().filter(which).toList();
    }

    private static FakeMessage awaitOne(FakeDiscord discord, String channel, Predicate<FakeMessage> which, String what) {
        await(what).atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> !messages(discord, channel, which).isEmpty());
        return messages(discord, channel, which).get(0);
    }

    private static long count(Database database, String sql) {
        return database.read(h -> h.select(sql).mapTo(Long.class).one());
    }

    private static String owner(Database database, long nightId) {
        return database.read(h -> h.select("SELECT owner_id FROM quiz_night WHERE id = ?", nightId)
                .mapTo(String.class).one());
    }

    /** The URL as BOT_DATABASE_URL takes it, login included (the test database's, nobody's secret). */
    private static String withLogin(PostgresUrl url) {
        String jdbc = url.jdbcUrl();
        String login = "user=" + URLEncoder.encode(url.user(), StandardCharsets.UTF_8)
                + (url.password() == null ? "" : "&password=" + URLEncoder.encode(url.password(), StandardCharsets.UTF_8));
        return jdbc + (jdbc.contains("?") ? "&" : "?") + login;
    }
}
