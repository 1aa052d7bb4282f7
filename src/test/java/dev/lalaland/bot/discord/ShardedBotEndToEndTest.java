package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.GatewaySession;
import dev.lalaland.bot.testing.IdentifyAttempt;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.RunningBot;
import dev.lalaland.bot.testing.ShardedServers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bot, through JDA's shard manager, against a fake Discord serving several shards: each
 * server's events on shard {@code (id >> 22) % total}, IDENTIFY limited to max_concurrency
 * buckets as Discord limits it.
 */
class ShardedBotEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void fourShardsIdentifyInBucketsOfMaxConcurrencyAndAnswerOnEveryShard() throws InterruptedException {
        List<FakeGuild> servers = ShardedServers.onEveryShard(4, 2);
        FakeDiscord.Builder fake = FakeDiscord.builder().shards(4).maxConcurrency(2).identifyLimits(true);
        servers.forEach(fake::guild);
        try (FakeDiscord discord = fake.start();
             RunningBot bot = RunningBot.start(discord, dir, Clock.systemUTC(),
                     Map.of("BOT_SHARD_TOTAL", "4", "BOT_SHARDS", "0-3"))) {
            assertThat(bot.app().connected()).isTrue();
            assertThat(bot.app().serverCount()).isEqualTo(8);
            assertThat(discord.sessions()).filteredOn(GatewaySession::connected)
                    .extracting(GatewaySession::shardId).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(discord.sessions()).extracting(GatewaySession::shardCount).containsOnly(4);

            // Buckets are shard id % 2: shards 0 and 1 identify at once, then 2 and 3, 5 s on,
            // and Discord's limit never had to refuse one.
            List<IdentifyAttempt> attempts = discord.identifyAttempts();
            assertThat(attempts).allMatch(IdentifyAttempt::admitted).hasSize(4);
            assertThat(attempts.subList(0, 2)).extracting(IdentifyAttempt::shardId).containsExactlyInAnyOrder(0, 1);
            assertThat(attempts.subList(2, 4)).extracting(IdentifyAttempt::shardId).containsExactlyInAnyOrder(2, 3);
            assertThat(attempts.get(1).after(attempts.get(0))).isLessThan(Duration.ofSeconds(2));
            assertThat(attempts.get(2).after(attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(3));

            for (FakeGuild server : servers) {
                InteractionCallback reply = discord.slash(FakeGuild.BOB_USER_ID, ShardedServers.channel(server.id()),
                        "cast", Map.of("name", "Emma Stone")).awaitResponse(WAIT);
                assertThat(reply.data().at("/embeds/0/title").asText()).as("server %s", server.id())
                        .isEqualTo("Emma Stone");
            }
        }
    }

    @Test
    void twoProcessesSplitTheShardsAndEachHasOnlyTheServersOfItsOwn() throws InterruptedException {
        List<FakeGuild> servers = ShardedServers.onEveryShard(4, 1);
        FakeDiscord.Builder fake = FakeDiscord.builder().shards(4);
        servers.forEach(fake::guild);
        try (FakeDiscord discord = fake.start();
             RunningBot first = RunningBot.start(discord, dir, Clock.systemUTC(),
                     Map.of("BOT_SHARD_TOTAL", "4", "BOT_SHARDS", "0-1"))) {
            assertThat(discord.identifyAttempts()).extracting(IdentifyAttempt::shardId).containsExactlyInAnyOrder(0, 1);
            assertThat(first.app().serverCount()).isEqualTo(2);
            try (RunningBot second = RunningBot.start(discord, dir, Clock.systemUTC(),
                    Map.of("BOT_SHARD_TOTAL", "4", "BOT_SHARDS", "2-3"))) {
                assertThat(discord.identifyAttempts()).extracting(IdentifyAttempt::shardId)
                        .containsExactlyInAnyOrder(0, 1, 2, 3);
                assertThat(second.app().serverCount()).isEqualTo(2);
                assertThat(first.app().connected()).isTrue();
                assertThat(second.app().connected()).isTrue();
                for (FakeGuild server : servers) {
                    InteractionCallback reply = discord.slash(FakeGuild.BOB_USER_ID,
                            ShardedServers.channel(server.id()), "cast", Map.of("name", "Keith")).awaitResponse(WAIT);
                    assertThat(reply.data().at("/embeds/0/title").asText()).as("server %s", server.id())
                            .isEqualTo("John Legend");
                }
            }
        }
    }

    /** Two processes given the same shard (a mis-set range), started together. */
    @Test
    void aSecondIdentifyOfTheSameShardWithinFiveSecondsIsRefusedAndJdaTriesAgain(@TempDir Path otherDir)
            throws Exception {
        FakeDiscord.Builder fake = FakeDiscord.builder().shards(2).identifyLimits(true);
        ShardedServers.onEveryShard(2, 1).forEach(fake::guild);
        Map<String, String> shardZero = Map.of("BOT_SHARD_TOTAL", "2", "BOT_SHARDS", "0");
        try (FakeDiscord discord = fake.start()) {
            CompletableFuture<RunningBot> first = startInBackground(discord, dir, shardZero);
            CompletableFuture<RunningBot> second = startInBackground(discord, otherDir, shardZero);
            try (RunningBot a = first.get(60, TimeUnit.SECONDS); RunningBot b = second.get(60, TimeUnit.SECONDS)) {
                List<IdentifyAttempt> attempts = discord.identifyAttempts();
                assertThat(attempts).extracting(IdentifyAttempt::shardId).containsOnly(0);
                assertThat(attempts).extracting(IdentifyAttempt::admitted).containsExactly(true, false, true);
                assertThat(attempts.get(2).after(attempts.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
                assertThat(a.app().connected()).isTrue();
                assertThat(b.app().connected()).isTrue();
            }
        }
    }

    private static CompletableFuture<RunningBot> startInBackground(FakeDiscord discord, Path dir,
                                                                   Map<String, String> env) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return RunningBot.start(discord, dir, Clock.systemUTC(), env);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
