package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.Features;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.OptionValue;
import dev.lalaland.bot.testing.RunningBot;
import dev.lalaland.bot.testing.ShardedServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes (two instances in this JVM, as two processes would be) over one database,
 * each running a range of four shards, with a daily post due in a server on every shard. The
 * clock is shifted real time, as in {@link DailyPostEndToEndTest}.
 */
class DailyPostAcrossProcessesEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Features.Tuning FAST = new Features.Tuning(
            DailyPostRoutine.Options.defaults().withPollInterval(Duration.ofMillis(200)));
    private static final LocalDate DAY = LocalDate.parse("2026-06-01");

    @TempDir
    Path dir;
    private final ShiftedClock clock = new ShiftedClock();
    private final List<FakeGuild> servers = ShardedServers.onEveryShard(4, 1);
    private FakeDiscord discord;

    @BeforeEach
    void startDiscord() {
        clock.jumpTo(Instant.parse("2026-06-01T08:58:00Z"));
        FakeDiscord.Builder fake = FakeDiscord.builder().shards(4);
        servers.forEach(fake::guild);
        discord = fake.start();
    }

    @AfterEach
    void stopDiscord() {
        discord.close();
    }

    @Test
    void processesSplittingTheShardsPostEveryServerOnceAndTurnNoneOff() throws InterruptedException {
        try (RunningBot first = start("0-1"); RunningBot second = start("2-3")) {
            postsEveryServerExactlyOnce(first);
        }
    }

    /** Shards 1 and 2 are run by both (a mis-set range, or a rolling restart's overlap). */
    @Test
    void processesWhoseRangesOverlapStillPostEveryServerOnce() throws InterruptedException {
        try (RunningBot first = start("0-2"); RunningBot second = start("1-3")) {
            postsEveryServerExactlyOnce(first);
        }
    }

    private void postsEveryServerExactlyOnce(RunningBot bot) throws InterruptedException {
        for (FakeGuild server : servers) {
            InteractionCallback on = discord.slash(FakeGuild.ADMIN_USER_ID, ShardedServers.channel(server.id()),
                    "config", "onthisday", Map.of("channel", OptionValue.channel(ShardedServers.channel(server.id())),
                            "time", "09:00", "timezone", "UTC")).awaitResponse(WAIT);
            assertThat(on.content()).as("server %s", server.id()).startsWith("Daily post: on");
        }
        clock.jumpTo(Instant.parse("2026-06-01T08:59:58Z"));
        for (FakeGuild server : servers) {
            discord.awaitChannelMessage(ShardedServers.channel(server.id()), m -> true, WAIT);
        }
        try (Database database = Database.open(bot.databaseFile())) {
            DailyPostStore store = new DailyPostStore(database);
            for (FakeGuild server : servers) {
                awaitSent(store, server.id());
                // Sent means settled: the claim is the only one for the day, so nothing else goes out.
                assertThat(discord.requests("POST", "/channels/" + ShardedServers.channel(server.id()) + "/messages"))
                        .as("posts to server %s", server.id()).hasSize(1);
                DailyPostSettings settings = store.settings(server.id()).orElseThrow();
                assertThat(settings.offReason()).as("server %s", server.id()).isNull();
                assertThat(settings.nextPost()).isEqualTo(Instant.parse("2026-06-02T09:00:00Z"));
            }
        }
    }

    private static void awaitSent(DailyPostStore store, String serverId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Optional<PostStatus> status = store.status(serverId, DAY);
        while (status.filter(s -> s == PostStatus.SENT).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = store.status(serverId, DAY);
        }
        assertThat(status).as("server %s", serverId).contains(PostStatus.SENT);
    }

    private RunningBot start(String shards) throws InterruptedException {
        return RunningBot.start(discord, dir, clock, Map.of("BOT_SHARD_TOTAL", "4", "BOT_SHARDS", shards), FAST);
    }
}
