package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.QuizEndToEndTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.Features;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.GatewaySession;
import dev.lalaland.bot.testing.InteractionHandle;
import dev.lalaland.bot.testing.RunningBot;
import dev.lalaland.bot.testing.ShardedServers;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes (two instances in this JVM) over one database, both running the shard of one
 * server (ranges that overlap): whichever of them a click reaches, a player's answer counts once.
 */
class AnswerAcrossProcessesEndToEndTest {
    /** A practice question stays open 20 s, so the test's clicks all come in time. */
    private static final QuizTimings OPEN_LONG = new QuizTimings(Duration.ofSeconds(20), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100), 0);

    @TempDir
    Path dir;

    @Test
    void aClickCountsOnceWhicheverProcessReceivesIt() throws Exception {
        String serverId = ShardedServers.idOnShard(0, 0, 2);
        String channel = ShardedServers.channel(serverId);
        Features.Tuning tuning = Features.Tuning.defaults().withQuiz(OPEN_LONG);
        try (FakeDiscord discord = FakeDiscord.builder().shards(2).guild(ShardedServers.server(serverId)).start();
             RunningBot first = RunningBot.start(discord, dir, Clock.systemUTC(),
                     Map.of("BOT_SHARD_TOTAL", "2", "BOT_SHARDS", "0-1"), tuning);
             RunningBot second = RunningBot.start(discord, dir, Clock.systemUTC(),
                     Map.of("BOT_SHARD_TOTAL", "2", "BOT_SHARDS", "0"), tuning);
             Database database = Database.open(first.databaseFile())) {
            List<GatewaySession> shardZero = discord.sessions().stream()
                    .filter(s -> s.connected() && s.shardId() == 0).toList();
            assertThat(shardZero).hasSize(2);
            String firstsSession = shardZero.get(0).sessionId();
            String secondsSession = shardZero.get(1).sessionId();

            InteractionHandle asked = discord.slash(FakeGuild.CAROL_USER_ID, channel, "quiz", "question", Map.of());
            asked.awaitResponse(WAIT);
            FakeMessage question = asked.originalMessage().orElseThrow();
            long roundId = Long.parseLong(question.customIds().get(0).split(":")[1]);
            // The process that asked saves the question a moment after replying; the other reads it from the database.
            awaitRow(database, "SELECT count(*) FROM quiz_round WHERE id = " + roundId);

            discord.deliverTo(firstsSession);
            assertThat(click(discord, channel, question, 0, firstsSession)).startsWith("Locked in");
            discord.deliverTo(secondsSession);
            assertThat(click(discord, channel, question, 1, secondsSession)).contains("already answered");
            discord.deliverTo(firstsSession);
            assertThat(click(discord, channel, question, 2, firstsSession)).contains("already answered");

            assertThat(count(database, "SELECT count(*) FROM quiz_answer WHERE round_id = " + roundId
                    + " AND user_id = '" + FakeGuild.BOB_USER_ID + "'")).isEqualTo(1);
            assertThat(count(database, "SELECT choice FROM quiz_answer WHERE round_id = " + roundId)).isZero();
        }
    }

    /** Bob clicks; returns the private answer, after checking the click went to {@code session}. */
    private static String click(FakeDiscord discord, String channel, FakeMessage question, int choice, String session) {
        int before = lastSeq(discord, session);
        String answer = discord.button(FakeGuild.BOB_USER_ID, channel, question.id(), question.customIds().get(choice))
                .awaitResponse(WAIT).content();
        assertThat(lastSeq(discord, session)).as("the click went to %s", session).isEqualTo(before + 1);
        return answer;
    }

    private static int lastSeq(FakeDiscord discord, String session) {
        return discord.sessions().stream().filter(s -> s.sessionId().equals(session)).findFirst().orElseThrow()
                .lastSeq();
    }

    private static void awaitRow(Database database, String sql) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(database, sql) == 0) {
            assertThat(System.nanoTime()).as("waiting for: %s", sql).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int count(Database database, String sql) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
    }
}
