package dev.lalaland.bot.testing;

import dev.lalaland.bot.BotApplication;
import dev.lalaland.bot.Features;
import dev.lalaland.bot.settings.Settings;
import dev.lalaland.bot.settings.SettingsLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real bot, started in this JVM against a {@link FakeDiscord}, on a SQLite file that
 * outlives it: {@link #restart()} stops it and starts a new one on the same file, as a server
 * restart would.
 */
public final class RunningBot implements AutoCloseable {
    public static final String TOKEN = "test-token.abc.def";

    private final FakeDiscord discord;
    private final Path database;
    private final Clock clock;
    private final Map<String, String> extraEnv;
    private final Features.Tuning tuning;
    private BotApplication app;

    private RunningBot(FakeDiscord discord, Path database, Clock clock, Map<String, String> extraEnv,
                       Features.Tuning tuning) throws InterruptedException {
        this.discord = discord;
        this.database = database;
        this.clock = clock;
        this.extraEnv = Map.copyOf(extraEnv);
        this.tuning = tuning;
        this.app = BotApplication.start(settings(), clock, tuning);
    }

    public static RunningBot start(FakeDiscord discord, Path dir) throws InterruptedException {
        return start(discord, dir, Clock.systemUTC(), Map.of());
    }

    public static RunningBot start(FakeDiscord discord, Path dir, Clock clock, Map<String, String> extraEnv)
            throws InterruptedException {
        return start(discord, dir, clock, extraEnv, Features.Tuning.defaults());
    }

    /** With shorter timings, such as a daily-post poll interval of a fraction of a second. */
    public static RunningBot start(FakeDiscord discord, Path dir, Clock clock, Map<String, String> extraEnv,
                                   Features.Tuning tuning) throws InterruptedException {
        return new RunningBot(discord, dir.resolve("bot.db"), clock, extraEnv, tuning);
    }

    public Settings settings() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", TOKEN);
        env.put("DISCORD_REST_URL", discord.restUrl());
        env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("BOT_DATABASE", database.toString());
        env.putAll(extraEnv);
        return SettingsLoader.load(env);
    }

    public BotApplication app() {
        return app;
    }

    public Path databaseFile() {
        return database;
    }

    /** Stops the bot as SIGTERM would and starts a fresh one on the same database. */
    public void restart() throws InterruptedException {
        app.close();
        discord.awaitDisconnected(Duration.ofSeconds(10));
        app = BotApplication.start(settings(), clock, tuning);
    }

    @Override
    public void close() {
        app.close();
    }
}
