package dev.lalaland.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        Result r = run(Map.of("BOT_DATABASE", dir.resolve("console.db").toString()),
                "/cast name:Emma Stone\n/awards ceremony:oscars result:won\n/cast name:\n/bogus\n/song title:fools\n",
                "console");
        assertThat(r.exitCode()).isEqualTo(0);
        String[] replies = r.out().split("\n\n");
        assertThat(replies[0]).startsWith("Emma Stone\n").contains("Role: ");
        assertThat(replies[1]).startsWith("89th Academy Awards").contains("🏆 Best Actress: Emma Stone");
        assertThat(r.out()).contains("error: unknown command /bogus (try /help)")
                .contains("Audition (The Fools Who Dream)\nTrack 12");
    }

    private Result run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
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
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
