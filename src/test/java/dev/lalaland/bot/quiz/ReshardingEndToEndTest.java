package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.QuizEndToEndTest.E2E;
import static dev.lalaland.bot.quiz.QuizEndToEndTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.Features;
import dev.lalaland.bot.shard.ShardPlan;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.GatewaySession;
import dev.lalaland.bot.testing.OptionValue;
import dev.lalaland.bot.testing.RunningBot;
import dev.lalaland.bot.testing.ShardedServers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resharding from 2 to 4: the bot stops, starts again with a new BOT_SHARD_TOTAL on the same
 * database, and half the servers now come on another shard. Everything a server had is still its
 * own, since state is keyed by server, never by shard.
 */
class ReshardingEndToEndTest {
    private static final List<String> PLAYERS = List.of(FakeGuild.BOB_USER_ID, FakeGuild.CAROL_USER_ID,
            FakeGuild.DAVE_USER_ID, FakeGuild.ADMIN_USER_ID);

    @TempDir
    Path dir;

    @Test
    void goingFromTwoShardsToFourKeepsEveryServersSettingsQuizHistoryAndLeaderboard() throws Exception {
        List<FakeGuild> servers = ShardedServers.onEveryShard(4, 1);
        FakeDiscord.Builder fake = FakeDiscord.builder().shards(2);
        servers.forEach(fake::guild);
        Features.Tuning tuning = Features.Tuning.defaults().withQuiz(E2E);
        Map<String, String> settingsBefore = new HashMap<>();
        Map<String, List<String>> boardBefore = new HashMap<>();
        try (FakeDiscord discord = fake.start()) {
            try (RunningBot bot = RunningBot.start(discord, dir, Clock.systemUTC(), Map.of("BOT_SHARD_TOTAL", "2"),
                    tuning)) {
                for (FakeGuild server : servers) {
                    String channel = ShardedServers.channel(server.id());
                    assertThat(command(discord, FakeGuild.ADMIN_USER_ID, channel, "config", "onthisday",
                            Map.of("channel", OptionValue.channel(channel), "time", "18:30",
                                    "timezone", "Europe/Paris"))).startsWith("Daily post: on");
                    playOneQuestionNight(discord, channel);
                    settingsBefore.put(server.id(), command(discord, FakeGuild.ADMIN_USER_ID, channel, "config",
                            "show", Map.of()));
                    boardBefore.put(server.id(), leaderboard(discord, channel));
                    assertThat(boardBefore.get(server.id())).as("server %s", server.id()).isNotEmpty();
                }
            }
            discord.awaitDisconnected(WAIT);

            try (RunningBot bot = RunningBot.start(discord, dir, Clock.systemUTC(), Map.of("BOT_SHARD_TOTAL", "4"),
                    tuning)) {
                assertThat(discord.sessions()).filteredOn(GatewaySession::connected)
                        .extracting(GatewaySession::shardCount).containsOnly(4);
                assertThat(servers).extracting(s -> ShardPlan.shardOf(s.id(), 2))
                        .as("two servers moved to shards 2 and 3").containsExactly(0, 1, 0, 1);
                for (FakeGuild server : servers) {
                    String channel = ShardedServers.channel(server.id());
                    assertThat(command(discord, FakeGuild.ADMIN_USER_ID, channel, "config", "show", Map.of()))
                            .as("server %s", server.id()).isEqualTo(settingsBefore.get(server.id()));
                    assertThat(leaderboard(discord, channel)).as("server %s", server.id())
                            .isEqualTo(boardBefore.get(server.id()));
                }
            }
        }
    }

    /**
     * A one-question night that four players answer, each a different button, so one scores; its
     * host then ends it, which scores the open question, so no click races its deadline.
     */
    private static void playOneQuestionNight(FakeDiscord discord, String channel) {
        discord.slash(FakeGuild.BOB_USER_ID, channel, "quiz", "start", Map.of("questions", 1, "seconds", 120))
                .awaitResponse(WAIT);
        FakeMessage question = QuizEndToEndTest.awaitQuestion(discord, channel, 1, 1);
        for (int p = 0; p < PLAYERS.size(); p++) {
            QuizEndToEndTest.click(discord, PLAYERS.get(p), channel, question, p);
        }
        assertThat(command(discord, FakeGuild.BOB_USER_ID, channel, "quiz", "stop", Map.of())).contains("stopped by bob");
        discord.awaitChannelMessage(channel, m -> m.text().contains("Quiz night stopped"), WAIT);
    }

    private static List<String> leaderboard(FakeDiscord discord, String channel) {
        return QuizEndToEndTest.leaderboardRows(discord.slash(FakeGuild.CAROL_USER_ID, channel, "quiz", "leaderboard",
                Map.of()).awaitResponse(WAIT)).stream().map(row -> row[0] + "=" + row[1]).toList();
    }

    private static String command(FakeDiscord discord, String user, String channel, String name, String sub,
                                  Map<String, ?> options) {
        return discord.slash(user, channel, name, sub, options).awaitResponse(WAIT).content();
    }
}
