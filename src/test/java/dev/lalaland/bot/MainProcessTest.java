package dev.lalaland.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.InteractionCallback;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real main class in its own JVM, as an admin would, and checks exit codes and output. */
class MainProcessTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    @Test
    void runWithoutATokenExits2NamingIt() throws Exception {
        Result r = run(Map.of(), "", "run");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1).first().asString().contains("DISCORD_TOKEN");
    }

    @Test
    void aBadSettingExits2NamingIt() throws Exception {
        Result r = run(Map.of("DISCORD_TOKEN", "abc.def.ghi", "DISCORD_GATEWAY_URL", "gopher://x"), "", "run");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("DISCORD_GATEWAY_URL").doesNotContain("abc.def.ghi");
    }

    @Test
    void aTokenDiscordRefusesExits2WithoutPrintingIt() throws Exception {
        try (FakeDiscord discord = FakeDiscord.builder().expectedToken("the.right.token").start()) {
            Result r = run(Map.of("DISCORD_TOKEN", "a.wrong.token", "DISCORD_REST_URL", discord.restUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl()), "", "run");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("DISCORD_TOKEN was refused").doesNotContain("a.wrong.token");
        }
    }

    @Test
    void discordUnreachableAtStartIsOneLineNamingTheUrl() throws Exception {
        int closedPort = closedPort();
        Result r = run(Map.of("DISCORD_TOKEN", "abc.def.ghi", "DISCORD_REST_URL", "http://127.0.0.1:" + closedPort + "/api/v10/"),
                "", "run");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).as("stderr").contains("error: cannot reach Discord at DISCORD_REST_URL http://127.0.0.1:" + closedPort)
                .doesNotContain("\tat ", "abc.def.ghi");
    }

    @Test
    void aRestUrlThatIsNotDiscordsApiExits2NamingIt() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            String withoutApiPath = discord.restUrl().replace("/api/v10", "");
            Result r = run(Map.of("DISCORD_TOKEN", "abc.def.ghi", "DISCORD_REST_URL", withoutApiPath,
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl()), "", "run");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).as("stderr").contains("error: DISCORD_REST_URL " + withoutApiPath, "did not answer as Discord's API")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void brokenDataFilesStopStartUpWithExit2() throws Exception {
        Path broken = dir.resolve("empty-data");
        Files.createDirectories(broken);
        try (FakeDiscord discord = FakeDiscord.start()) {
            Result r = run(Map.of("DISCORD_TOKEN", "abc.def.ghi", "BOT_DATA_DIR", broken.toString(),
                    "DISCORD_REST_URL", discord.restUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()), "", "run");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("people.json $: file is missing", "BOT_DATA_DIR")
                    .doesNotContain("Exception in thread", "\tat ");
        }
    }

    /**
     * The database fails while JDA is still connecting (the two start side by side): the admin
     * sees the setting and its problem, not a stack trace from JDA's connecting thread.
     */
    @Test
    void aBrokenDatabaseStopsStartUpWithExit2AndNoStackTrace() throws Exception {
        Path database = dir.resolve("not-a-database.db");
        Files.write(database, "this is not an SQLite file, and it is long enough to have a header".repeat(100)
                .getBytes(StandardCharsets.UTF_8));
        try (FakeDiscord discord = FakeDiscord.start()) {
            Result r = run(Map.of("DISCORD_TOKEN", "abc.def.ghi", "BOT_DATABASE", database.toString(),
                    "DISCORD_REST_URL", discord.restUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()), "", "run");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).as("stderr").contains("BOT_DATABASE").doesNotContain("Exception in thread", "\tat ");
        }
    }

    @Test
    void checkDataAcceptsTheBundledFilesAndNamesEveryProblemInABrokenFolder() throws Exception {
        Result ok = run(Map.of(), "", "check-data", "data");
        assertThat(ok.exitCode()).isEqualTo(0);
        assertThat(ok.out()).startsWith("ok: ");

        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        for (String name : List.of("people.json", "songs.json", "awards.json", "events.json", "facts.json", "questions.json")) {
            Files.copy(Path.of("data", name), broken.resolve(name));
        }
        Files.writeString(broken.resolve("events.json"), "{\"events\": [{\"id\": \"x\", \"date\": \"2016-02-30\"}]}");
        Result bad = run(Map.of(), "", "check-data", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("events.json $.events[0].date: must be a date YYYY-MM-DD",
                "events.json $.events[0].title: missing required field");
    }

    @Test
    void consoleAnswersLineByLineAndExits0AtEndOfInput() throws Exception {
        Result r = run(Map.of("BOT_CONSOLE_DATABASE", dir.resolve("console.db").toString()),
                "/cast name:Emma Stone\n/awards ceremony:oscars result:won\n/cast name:\n/bogus\n/song title:fools\n",
                "console");
        assertThat(r.exitCode()).isEqualTo(0);
        String[] replies = r.out().split("\n\n");
        assertThat(replies[0]).startsWith("Emma Stone\n").contains("Role: ");
        assertThat(replies[1]).startsWith("89th Academy Awards").contains("🏆 Best Actress:\n  Emma Stone");
        assertThat(r.out()).contains("error: unknown command /bogus (try /help)")
                .contains("Audition (The Fools Who Dream)\nTrack 12");
    }

    /** A night left running when a session ended goes on in the next, as after a restart in Discord. */
    @Test
    void aQuizNightLeftRunningInOneConsoleSessionGoesOnInTheNext() throws Exception {
        Map<String, String> env = Map.of("BOT_CONSOLE_DATABASE", dir.resolve("console.db").toString());
        Process first = start(env, "console");
        first.getOutputStream().write("/quiz start questions:1 seconds:60\n".getBytes(StandardCharsets.UTF_8));
        first.getOutputStream().flush();
        awaitText(dir.resolve("out.txt"), "Question 1 of 1");
        first.getOutputStream().close();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        nextSessionGoesOnWithTheNight(env);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("Quiz night stopped by you", "After 1 of 1 questions.");
    }

    /** A new console session on {@code env}'s database asks the running night's question again; /quiz stop ends it. */
    private void nextSessionGoesOnWithTheNight(Map<String, String> env) throws IOException, InterruptedException {
        Process next = start(env, "console");
        awaitText(dir.resolve("out.txt"), "Asked again after a restart");
        next.getOutputStream().write("/quiz stop\n".getBytes(StandardCharsets.UTF_8));
        next.getOutputStream().close();
        assertThat(next.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).isEqualTo(0);
    }

    @Test
    void sigtermStopsTheConnectedBotCleanlyWithExitCode0() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            Path alive = dir.resolve("alive");
            Process bot = start(Map.of("DISCORD_TOKEN", "tok.en", "DISCORD_REST_URL", discord.restUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "BOT_HEALTH_FILE", alive.toString()), "run");
            try {
                discord.awaitIdentified(Duration.ofSeconds(30));
                // A fresh database imports the facts beside the login; on a loaded machine that can
                // outlast the login by seconds, and this test is about stopping, not start-up speed.
                awaitText(dir.resolve("err.txt"), " commands");
                InteractionCallback reply = discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast",
                        Map.of("name", "Keith")).awaitResponse(Duration.ofSeconds(10));
                assertThat(reply.data().at("/embeds/0/title").asText()).isEqualTo("John Legend");
                awaitFile(alive, true);

                long stopAsked = System.nanoTime();
                bot.destroy(); // SIGTERM
                assertThat(bot.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
                assertThat(bot.exitValue()).isEqualTo(0);
                assertThat(Duration.ofNanos(System.nanoTime() - stopAsked)).isLessThan(Duration.ofSeconds(10));
                assertThat(Files.exists(alive)).as("health file removed on shutdown").isFalse();
                assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("tok.en");
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    /** docker stop while the bot waits for Discord's gateway (it waits up to a minute): exit 0 at once, quietly. */
    @Test
    void sigtermWhileStartingStopsCleanlyWithExitCode0() throws Exception {
        int closedPort = closedPort();
        try (FakeDiscord discord = FakeDiscord.start()) {
            Process bot = start(Map.of("DISCORD_TOKEN", "tok.en", "DISCORD_REST_URL", discord.restUrl(),
                    "DISCORD_GATEWAY_URL", "ws://127.0.0.1:" + closedPort + "/"), "run");
            try {
                awaitText(dir.resolve("err.txt"), "fact store");
                long stopAsked = System.nanoTime();
                bot.destroy(); // SIGTERM
                assertThat(bot.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
                assertThat(bot.exitValue()).isEqualTo(0);
                assertThat(Duration.ofNanos(System.nanoTime() - stopAsked)).isLessThan(Duration.ofSeconds(10));
                assertThat(Files.readString(dir.resolve("err.txt"))).contains("stopped while starting")
                        .doesNotContain("tok.en", "Exception in thread");
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    /** docker stop on a console-mode container: the session ends as at the end of input, exit 0, and a night goes on next time. */
    @Test
    void sigtermEndsAConsoleSessionWithExitCode0AndTheNightGoesOnInTheNext() throws Exception {
        Map<String, String> env = Map.of("BOT_CONSOLE_DATABASE", dir.resolve("console.db").toString());
        Process first = start(env, "console");
        try {
            first.getOutputStream().write("/quiz start questions:1 seconds:60\n".getBytes(StandardCharsets.UTF_8));
            first.getOutputStream().flush(); // and left open: the session waits for more input
            awaitText(dir.resolve("out.txt"), "Question 1 of 1");
            first.destroy(); // SIGTERM
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
            assertThat(first.exitValue()).isEqualTo(0);
            assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("Exception", "\tat ");
        } finally {
            first.destroyForcibly();
        }

        nextSessionGoesOnWithTheNight(env);
    }

    /** A port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitText(Path file, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            assertThat(System.nanoTime()).as("waiting for \"" + text + "\" in " + file).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void awaitFile(Path file, boolean exists) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Files.exists(file) != exists) {
            assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Result run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        Process p = start(env, args);
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("BOT_"));
        pb.environment().put("BOT_DATABASE", dir.resolve("bot.db").toString());
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return pb.start();
    }
}
