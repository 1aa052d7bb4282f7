package dev.lalaland.bot.testing;

import dev.lalaland.bot.BotApplication;
import dev.lalaland.bot.Features;
import dev.lalaland.bot.onthisday.DailyPostRoutine;
import dev.lalaland.bot.quiz.NightLease;
import dev.lalaland.bot.quiz.QuizTimings;
import dev.lalaland.bot.settings.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real bot in a JVM of its own, started against a {@link FakeDiscord} with the short timings
 * of {@link #TUNING}, so that a test can kill it outright ({@link #kill}: SIGKILL, as
 * {@code kill -9}) and watch what another process does with what it left.
 */
public final class ChildBot implements AutoCloseable {
    /**
     * Quiz nights in tenths of a second (a night's "60 seconds" are 6 s), and leases of 2 s renewed
     * every 0.5 s, another shard's process waiting 1 s more: a takeover comes within about 4 s.
     */
    public static final Features.Tuning TUNING = new Features.Tuning(DailyPostRoutine.Options.defaults(),
            new QuizTimings(Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMillis(300),
                    Duration.ofMillis(100), Duration.ofMillis(100), 0),
            new NightLease(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(1)));

    private final Process process;
    private final Path log;

    private ChildBot(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the bot with {@code env} (its DISCORD_ and BOT_ settings, nothing of this machine's) in {@code dir}. */
    public static ChildBot start(FakeDiscord discord, Path dir, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildBot.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("BOT_"));
        pb.environment().put("DISCORD_TOKEN", RunningBot.TOKEN);
        pb.environment().put("DISCORD_REST_URL", discord.restUrl());
        pb.environment().put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        pb.environment().putAll(env);
        Path log = dir.resolve("child-bot.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ChildBot(pb.start(), log);
    }

    /** What it has logged so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is saved or given up. Returns once it is dead. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The child's main: starts the bot with {@link #TUNING} and runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        BotApplication.start(SettingsLoader.load(System.getenv()), Clock.systemUTC(), TUNING);
        Thread.currentThread().join();
    }
}
