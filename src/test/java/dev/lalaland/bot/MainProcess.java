package dev.lalaland.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real main class in a JVM of its own, as an admin starts it: only the environment given
 * (no DISCORD_ or BOT_ variable of the machine's), standard output and error kept in files.
 */
final class MainProcess {
    private final Process process;
    private final Path out;
    private final Path err;

    private MainProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Starts {@code Main args} with {@code env} and {@code dir} as its working directory. */
    static MainProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("BOT_"));
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new MainProcess(pb.start(), out, err);
    }

    /** Runs to the end with {@code stdin} as its input. */
    static Result run(Path dir, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        MainProcess p = start(dir, env, args);
        p.type(stdin);
        return p.endInput();
    }

    void type(String lines) throws IOException {
        process.getOutputStream().write(lines.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Closes standard input and waits for the exit. */
    Result endInput() throws IOException, InterruptedException {
        process.getOutputStream().close();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Waits until standard output contains {@code text} {@code times} times. */
    void awaitOutput(String text, int times) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (occurrences(Files.exists(out) ? Files.readString(out) : "", text) < times) {
            assertThat(process.isAlive()).as("still running while waiting for \"" + text + "\"").isTrue();
            assertThat(System.nanoTime()).as("waiting for \"" + text + "\" x" + times + " in " + out)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }
}
